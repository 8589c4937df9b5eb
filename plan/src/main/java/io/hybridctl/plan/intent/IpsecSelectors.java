package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.List;
import java.util.Optional;

/**
 * The IPsec phase-2 selectors of one site's VPN: one child SA per traffic class (seed 002's "two P2s": node CIDRs to
 * the VPC, pod CIDRs to the VPC when pods are routable). localAddress is the on-prem VPN endpoint.
 */
public record IpsecSelectors(String site, Optional<Ipv4Address> localAddress, List<Child> children, Provenance provenance) {

    public IpsecSelectors {
        children = List.copyOf(children);
    }

    public record Child(String name, List<Prefix> local, List<Prefix> remote) {
        public Child {
            local = List.copyOf(local);
            remote = List.copyOf(remote);
        }
    }
}
