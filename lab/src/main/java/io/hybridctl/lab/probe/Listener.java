package io.hybridctl.lab.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in services of one lab namespace, started inside it with {@code ip netns exec <ns> java -cp ...
 * io.hybridctl.lab.probe.Listener}: TCP echo services (API server 443, kubelet 10250, webhook 9443) and CoreDNS on
 * 53 over TCP and UDP. It also runs probes from its namespace on request, over a Unix socket in the lab's state
 * directory, so a probe needs no new JVM. Depends on the JDK only, to start fast.
 *
 * <p>Arguments: {@code --label NAME --control SOCKET [--tcp PORT]... [--udp PORT]...}
 */
public final class Listener {

    private final String label;

    private Listener(String label) {
        this.label = label;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String label = "lab";
        Path control = null;
        List<Integer> tcp = new ArrayList<>();
        List<Integer> udp = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--label" -> label = args[i + 1];
                case "--control" -> control = Path.of(args[i + 1]);
                case "--tcp" -> tcp.add(Integer.parseInt(args[i + 1]));
                case "--udp" -> udp.add(Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (control == null) {
            throw new IllegalArgumentException("--control SOCKET is required");
        }
        Listener listener = new Listener(label);
        for (int port : tcp) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), 64);
            Thread.ofVirtual().start(() -> listener.acceptTcp(server, port));
        }
        for (int port : udp) {
            // One socket per local address, so that an answer leaves from the address the query was sent to.
            for (InetAddress local : localAddresses()) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(local, port));
                Thread.ofVirtual().start(() -> listener.serveUdp(socket, port));
            }
        }
        // The control socket appears last: its presence means every service is listening.
        Files.deleteIfExists(control);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Path pending = control.resolveSibling(control.getFileName() + ".tmp");
        Files.deleteIfExists(pending);
        channel.bind(UnixDomainSocketAddress.of(pending), 1024);
        Files.move(pending, control);
        while (true) {
            SocketChannel client = channel.accept();
            Thread.ofVirtual().start(() -> listener.serveControl(client));
        }
    }

    private static java.util.Collection<InetAddress> localAddresses() throws IOException {
        // A node has 169.254.1.1 on every pod link: one socket for it is enough.
        java.util.Set<InetAddress> addresses = new java.util.LinkedHashSet<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address) {
                    addresses.add(a);
                }
            }
        }
        return addresses;
    }

    private void acceptTcp(ServerSocket server, int port) {
        while (true) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serveTcp(socket, port));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket socket, int port) {
        try (socket) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String peer = socket.getInetAddress().getHostAddress();
            if (port == Dns.PORT) {
                byte[] query = Dns.readTcpMessage(in);
                out.write(Dns.tcpFrame(Dns.answer(query)));
            } else {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
                out.write((label + ":" + port + " from " + peer + " " + line + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // A probe that hangs up early is the prober's problem; keep serving.
        }
    }

    private void serveUdp(DatagramSocket socket, int port) {
        byte[] buffer = new byte[512];
        while (true) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = port == Dns.PORT ? Dns.answer(query) : query;
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveControl(SocketChannel client) {
        try (client) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                    StandardCharsets.UTF_8));
            String command = reader.readLine();
            String reply = command == null ? "fail empty request" : execute(command.trim().split(" "));
            client.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // The lab process went away mid-request.
        }
    }

    /**
     * {@code ping}, or {@code tcp|udp|connect SOURCE ADDRESS PORT TIMEOUT_MS} (SOURCE "-" lets the kernel choose):
     * answers {@code ok MICROS DETAIL} or {@code fail REASON}.
     */
    String execute(String[] words) {
        if (words.length == 1 && words[0].equals("ping")) {
            return "pong " + label;
        }
        if (words.length != 5) {
            return "fail bad request";
        }
        int port = Integer.parseInt(words[3]);
        int timeout = Integer.parseInt(words[4]);
        long start = System.nanoTime();
        try {
            InetAddress source = words[1].equals("-") ? null : InetAddress.getByName(words[1]);
            InetAddress target = InetAddress.getByName(words[2]);
            String detail = switch (words[0]) {
                case "tcp" -> Probes.tcp(source, target, port, timeout, label);
                case "connect" -> Probes.connect(source, target, port, timeout);
                case "udp" -> Probes.udp(source, target, port, timeout, label);
                default -> throw new IllegalArgumentException("unknown probe " + words[0]);
            };
            return "ok " + (System.nanoTime() - start) / 1000 + " " + detail;
        } catch (IOException | RuntimeException e) {
            return "fail " + Probes.reason(e);
        }
    }
}
