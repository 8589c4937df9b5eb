package io.hybridctl.lab.probe;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The few bytes of DNS (RFC 1035) the CoreDNS stand-in needs: a query for one name, and a NOERROR answer echoing
 * the query's id and question. Enough for a resolver to accept the exchange; no records are served.
 */
final class Dns {

    static final int PORT = 53;
    private static final int HEADER = 12;

    private Dns() {
    }

    /** A standard recursive A query for {@code name} with the given id. */
    static byte[] query(int id, String name) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + name.length() + 6);
        buffer.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        for (String part : name.split("\\.")) {
            buffer.put((byte) part.length()).put(part.getBytes(StandardCharsets.US_ASCII));
        }
        buffer.put((byte) 0).putShort((short) 1).putShort((short) 1);
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The answer to a query: same id and question, QR and RA set, RCODE 0. */
    static byte[] answer(byte[] query) {
        if (query.length < HEADER) {
            throw new IllegalArgumentException("DNS message shorter than its header");
        }
        byte[] reply = query.clone();
        reply[2] = (byte) ((query[2] & 0x79) | 0x80);
        reply[3] = (byte) 0x80;
        return reply;
    }

    /** Whether {@code reply} answers {@code query}: same id, QR bit set, RCODE 0. */
    static boolean answers(byte[] reply, int length, byte[] query) {
        return length >= HEADER && reply[0] == query[0] && reply[1] == query[1] && (reply[2] & 0x80) != 0
                && (reply[3] & 0x0F) == 0;
    }

    static byte[] tcpFrame(byte[] message) {
        return ByteBuffer.allocate(2 + message.length).putShort((short) message.length).put(message).array();
    }

    static byte[] readTcpMessage(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readUnsignedShort();
        byte[] message = new byte[length];
        data.readFully(message);
        return message;
    }
}
