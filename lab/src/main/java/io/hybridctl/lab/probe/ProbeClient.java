package io.hybridctl.lab.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Asks the Listener of a source namespace to run one probe, over its control socket. */
public final class ProbeClient {

    /** The outcome of one probe as the source namespace saw it. */
    public record Outcome(boolean ok, long micros, String detail) {
        static Outcome parse(String reply) {
            if (reply == null) {
                return new Outcome(false, 0, "no answer from the probe agent");
            }
            String[] words = reply.split(" ", 3);
            if (words[0].equals("ok") && words.length >= 2) {
                return new Outcome(true, Long.parseLong(words[1]), words.length > 2 ? words[2] : "");
            }
            return new Outcome(false, 0, words.length > 1 ? reply.substring(5) : reply);
        }
    }

    /**
     * TCP with a payload echo, UDP with an answer, a bare TCP handshake (for a peer that does not echo), or a BGP
     * session, which is observed from the router's own session state: a probe connection to bgpd on 179 from a
     * configured neighbour's address would collide with the real session.
     */
    public enum Transport { TCP, UDP, CONNECT, BGP_SESSION }

    private final Path control;

    public ProbeClient(Path control) {
        this.control = control;
    }

    /** {@code source} null lets the kernel pick the source address. */
    public Outcome probe(Transport transport, String source, String address, int port, int timeoutMillis) {
        return Outcome.parse(ask(transport.name().toLowerCase(java.util.Locale.ROOT) + " " + (source == null ? "-" : source)
                + " " + address + " " + port + " " + timeoutMillis));
    }

    /** True when the agent answers; the control socket only appears once every service listens. */
    public boolean ready() {
        String reply = ask("ping");
        return reply != null && reply.startsWith("pong");
    }

    private String ask(String request) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(control));
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
