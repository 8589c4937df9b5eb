package io.hybridctl.netmodel.bgp;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.Provenance;

import java.util.List;

/** A BGP speaker: its AS, its peers and the prefixes it originates (a node's pod block, load balancer addresses). */
public record BgpConfig(long localAsn, List<BgpNeighbor> neighbors, List<Advertisement> originated) {

    public BgpConfig {
        neighbors = List.copyOf(neighbors);
        originated = List.copyOf(originated);
    }

    public record Advertisement(Prefix prefix, Provenance provenance) {
    }
}
