package io.hybridctl.lab.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** The client side of a probe, run inside the source namespace by its Listener. */
final class Probes {

    private static final String QUERY_NAME = "kubernetes.default.svc.cluster.local";

    private Probes() {
    }

    /** TCP connect and a payload echo; for port 53 a DNS query over TCP. Returns what the far end said. */
    static String tcp(InetAddress source, InetAddress target, int port, int timeoutMillis, String from) throws IOException {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(target, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            int id = ThreadLocalRandom.current().nextInt(1, 0xFFFF);
            if (port == Dns.PORT) {
                byte[] query = Dns.query(id, QUERY_NAME);
                socket.getOutputStream().write(Dns.tcpFrame(query));
                byte[] reply = Dns.readTcpMessage(socket.getInputStream());
                if (!Dns.answers(reply, reply.length, query)) {
                    throw new IOException("bad DNS answer");
                }
                return "dns-tcp id=" + id;
            }
            String nonce = "probe-" + id + " from " + from;
            socket.getOutputStream().write((nonce + "\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (reply == null || !reply.endsWith(nonce)) {
                throw new IOException("no echo");
            }
            return reply.substring(0, reply.length() - nonce.length()).trim();
        }
    }

    /** A TCP handshake only, for services that speak first or not at all to strangers (bgpd on 179). */
    static String connect(InetAddress source, InetAddress target, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(target, port), timeoutMillis);
            return "connected";
        }
    }

    /** A DNS query over UDP to port 53, a datagram echo elsewhere; succeeds only on a matching answer. */
    static String udp(InetAddress source, InetAddress target, int port, int timeoutMillis, String from) throws IOException {
        try (DatagramSocket socket = source == null ? new DatagramSocket() : new DatagramSocket(new InetSocketAddress(source, 0))) {
            socket.setSoTimeout(timeoutMillis);
            int id = ThreadLocalRandom.current().nextInt(1, 0xFFFF);
            if (port != Dns.PORT) {
                byte[] payload = ("probe-" + id + " from " + from).getBytes(StandardCharsets.US_ASCII);
                byte[] buffer = new byte[512];
                DatagramPacket reply = exchange(socket, new DatagramPacket(payload, payload.length, target, port), buffer, timeoutMillis);
                if (!java.util.Arrays.equals(payload, 0, payload.length, buffer, 0, reply.getLength())) {
                    throw new IOException("no echo");
                }
                return "udp-echo from " + reply.getAddress().getHostAddress();
            }
            byte[] query = Dns.query(id, QUERY_NAME);
            byte[] buffer = new byte[512];
            DatagramPacket reply = exchange(socket, new DatagramPacket(query, query.length, target, port), buffer, timeoutMillis);
            if (!Dns.answers(buffer, reply.getLength(), query)) {
                throw new IOException("bad DNS answer");
            }
            return "dns-udp id=" + id + " from " + reply.getAddress().getHostAddress();
        }
    }

    /** Sends and waits for an answer, resending twice within the timeout as a resolver does: UDP may be dropped. */
    private static DatagramPacket exchange(DatagramSocket socket, DatagramPacket request, byte[] buffer, int timeoutMillis)
            throws IOException {
        int tries = 3;
        socket.setSoTimeout(Math.max(1, timeoutMillis / tries));
        SocketTimeoutException last = null;
        for (int i = 0; i < tries; i++) {
            socket.send(request);
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
                return reply;
            } catch (SocketTimeoutException e) {
                last = e;
            }
        }
        throw last;
    }

    static String reason(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof NoRouteToHostException) {
            return "no-route";
        }
        if (e instanceof ConnectException c) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("refused")) {
                return "refused";
            }
            if (m.contains("unreachable")) {
                return "unreachable";
            }
            return "connect-failed";
        }
        if (e instanceof java.net.PortUnreachableException) {
            return "port-unreachable";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
