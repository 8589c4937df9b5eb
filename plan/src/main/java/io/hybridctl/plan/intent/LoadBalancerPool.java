package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.AddressRange;
import io.hybridctl.spec.model.Site;

import java.util.List;

/** A site's LoadBalancer address pool and how its addresses are made reachable. */
public record LoadBalancerPool(String site, String name, Site.LoadBalancerType type, List<AddressRange> ranges,
                               Advertisement advertisement, Provenance provenance) {

    public LoadBalancerPool {
        ranges = List.copyOf(ranges);
    }

    public enum Advertisement {
        /** answered by ARP on the node network (MetalLB L2) */
        L2,
        /** announced by the nodes' BGP sessions (Cilium BGP control plane) */
        BGP
    }
}
