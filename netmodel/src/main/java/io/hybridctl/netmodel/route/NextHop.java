package io.hybridctl.netmodel.route;

import io.hybridctl.net.Ipv4Address;

/** Where a route sends matching packets, as in Batfish's NextHopIp / NextHopInterface / NextHopDiscard. */
public sealed interface NextHop {

    /** A gateway address, resolved through the node's own table (Batfish's static-route activation rule). */
    record Gateway(Ipv4Address address) implements NextHop {
        @Override
        public String toString() {
            return "via " + address;
        }
    }

    /** Out of an interface: to the other end of a point-to-point link, or to the destination itself on a LAN. */
    record Out(String iface) implements NextHop {
        @Override
        public String toString() {
            return "out " + iface;
        }
    }

    /** Dropped on purpose (a blackhole / null route). */
    record Discard() implements NextHop {
        @Override
        public String toString() {
            return "discard";
        }
    }

    /** Delivered to this node. */
    record Accept() implements NextHop {
        @Override
        public String toString() {
            return "local";
        }
    }
}
