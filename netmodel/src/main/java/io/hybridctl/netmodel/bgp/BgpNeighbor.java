package io.hybridctl.netmodel.bgp;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Provenance;

/** One configured peer: its address and AS, the timers offered, and whether this side reflects routes to it. */
public record BgpNeighbor(Ipv4Address peerAddress, long remoteAsn, int holdTimeSeconds, int keepaliveSeconds,
                          boolean routeReflectorClient, Provenance provenance) {
}
