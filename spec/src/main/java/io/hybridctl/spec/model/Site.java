package io.hybridctl.spec.model;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.List;
import java.util.Optional;

/** One on-prem location: a hybrid node pool with its own networks, router, connection and hosts. */
public record Site(String name, int index, String zone, List<Prefix> nodeNetworks, List<Prefix> podNetworks,
                   Optional<Router> router, Connection connection, Optional<LoadBalancer> loadBalancer,
                   boolean firewall, List<Host> hosts) {

    public Site {
        nodeNetworks = List.copyOf(nodeNetworks);
        podNetworks = List.copyOf(podNetworks);
        hosts = List.copyOf(hosts);
    }

    public String path() {
        return "spec.sites[" + index + "]";
    }

    public enum RouterKind { FRR, VYOS }

    public record Router(Ipv4Address address, long asn, RouterKind kind, int holdTimeSeconds, int keepaliveTimeSeconds) {
    }

    public enum ConnectionType { VPN, DIRECT_CONNECT }

    /** IPsec phase-2 selectors as configured; empty lists mean "derive them". */
    public record Connection(ConnectionType type, Optional<Ipv4Address> vpnEndpoint,
                             Optional<List<Prefix>> onPremSelectors, Optional<List<Prefix>> cloudSelectors) {
    }

    public enum LoadBalancerType { METALLB, CILIUM_LB_IPAM }

    public record LoadBalancer(LoadBalancerType type, List<AddressRange> ranges) {
        public LoadBalancer {
            ranges = List.copyOf(ranges);
        }
    }
}
