package io.hybridctl.netmodel;

import io.hybridctl.net.Protocol;
/**
 * The fixed part of a flow: protocol and ports. Addresses are analysed as sets, headers one at a time, because the
 * flows hybrid nodes need are a short list of 5-tuples. `reply` marks the answer to a request: stateful filters let it
 * through because the request opened the session.
 */
public record Header(Protocol protocol, int srcPort, int dstPort, boolean reply) {

    /** A request from an ephemeral port, the way clients open connections. */
    public static Header request(Protocol protocol, int dstPort) {
        return new Header(protocol, 49152, dstPort, false);
    }

    /** The answer to this request: ports swapped. */
    public Header replyTo() {
        return new Header(protocol, dstPort, srcPort, !reply);
    }

    @Override
    public String toString() {
        return protocol.name().toLowerCase(java.util.Locale.ROOT) + "/" + dstPort + (reply ? " (reply)" : "");
    }
}
