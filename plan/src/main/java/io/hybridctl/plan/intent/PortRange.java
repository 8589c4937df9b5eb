package io.hybridctl.plan.intent;

/** An inclusive TCP/UDP port range; for ICMP, from = type and to = code as security groups write it. */
public record PortRange(int from, int to) {

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

    @Override
    public String toString() {
        return single() ? Integer.toString(from) : from + "-" + to;
    }
}
