package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Site;

import java.util.List;

/** What a site's on-prem router must do for pod routes: one static route per host block, or BGP with every host. */
public sealed interface RouterConfig permits RouterConfig.StaticRouting, RouterConfig.BgpRouting {

    String site();

    Ipv4Address routerAddress();

    Site.RouterKind kind();

    /**
     * Everything the router sends towards the VPN / Direct Connect: the VPC, and the other sites' networks, which
     * are reached through the transit gateway (hub and spoke), never directly.
     */
    List<Prefix> upstreamCidrs();

    record StaticRouting(String site, Ipv4Address routerAddress, Site.RouterKind kind, List<Prefix> upstreamCidrs,
                         List<StaticRoute> routes, Provenance provenance) implements RouterConfig {
        public StaticRouting {
            upstreamCidrs = List.copyOf(upstreamCidrs);
            routes = List.copyOf(routes);
        }
    }

    /**
     * acceptedPrefixes: what the router accepts from hosts, the site's pod networks down to block length (plus LB
     * ranges when advertised), so a misconfigured node cannot announce anything else.
     */
    record BgpRouting(String site, Ipv4Address routerAddress, Site.RouterKind kind, List<Prefix> upstreamCidrs, long localAsn,
                      List<RouterNeighbor> neighbors, List<Prefix> acceptedPrefixes, int acceptedMaxLength,
                      Provenance provenance) implements RouterConfig {
        public BgpRouting {
            upstreamCidrs = List.copyOf(upstreamCidrs);
            neighbors = List.copyOf(neighbors);
            acceptedPrefixes = List.copyOf(acceptedPrefixes);
        }
    }
}
