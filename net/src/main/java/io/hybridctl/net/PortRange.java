package io.hybridctl.net;

/** An inclusive TCP/UDP port range; for ICMP, from = type and to = code as security groups write it. */
public record PortRange(int from, int to) {

    public static final PortRange ALL = new PortRange(0, 65535);
    public static final PortRange EPHEMERAL = new PortRange(1024, 65535);

    public PortRange {
        if (from < 0 || to > 65535 || from > to) {
            throw new IllegalArgumentException("bad port range " + from + "-" + to);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean single() {
        return from == to;
    }

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    @Override
    public String toString() {
        if (equals(ALL)) {
            return "any";
        }
        return single() ? Integer.toString(from) : from + "-" + to;
    }
}
