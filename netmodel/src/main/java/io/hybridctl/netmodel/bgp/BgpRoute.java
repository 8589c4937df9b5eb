package io.hybridctl.netmodel.bgp;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.Provenance;

import java.util.List;

/** A route as one speaker holds it after the fixed point: next hop, AS path and where it entered BGP. */
public record BgpRoute(Prefix prefix, Ipv4Address nextHop, List<Long> asPath, boolean internal, String origin,
                       String learnedFrom, Provenance provenance) {

    public BgpRoute {
        asPath = List.copyOf(asPath);
    }

    /** Shorter AS path wins, then eBGP over iBGP, then the lower next hop (a stable tie-break). */
    public boolean betterThan(BgpRoute other) {
        if (asPath.size() != other.asPath.size()) {
            return asPath.size() < other.asPath.size();
        }
        if (internal != other.internal) {
            return !internal;
        }
        return nextHop.compareTo(other.nextHop) < 0;
    }
}
