package io.hybridctl.lab.topology;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a validated spec and its address plan into the lab's topology, with the spec's own addresses. */
public final class TopologyBuilder {

    /** Pods per host: two, so pod-to-pod on one node and across nodes are both exercised. */
    public static final int PODS_PER_HOST = 2;
    /** AWS VPN tunnel inside addresses are /30s from 169.254.0.0/16; the lab numbers them by site. */
    private static final Prefix TUNNEL_POOL = Prefix.of(Ipv4Address.of(0xA9FE6400L), 22);

    public LabTopology build(LabName name, HybridCluster spec, AddressPlan plan) {
        if (spec.sites().size() > TUNNEL_POOL.blockCount(30)) {
            throw new IllegalArgumentException("the lab supports at most " + TUNNEL_POOL.blockCount(30) + " sites");
        }
        Netns vpcNs = new Netns(name.namespace("vpc"), NamespaceRole.VPC, "vpc");
        LabTopology.VpcSide vpc = new LabTopology.VpcSide(vpcNs, spec.vpc().cidrs(), plan.apiServerAddresses(),
                plan.cloudAddresses());
        List<LabTopology.SiteLab> sites = new ArrayList<>();
        for (Site site : spec.sites()) {
            sites.add(site(name, spec, plan, site));
        }
        return new LabTopology(name, vpc, sites);
    }

    private LabTopology.SiteLab site(LabName name, HybridCluster spec, AddressPlan plan, Site site) {
        Netns router = new Netns(name.namespace(site.name(), "rtr"), NamespaceRole.ROUTER, site.name() + " router");
        Prefix lan = site.nodeNetworks().getFirst();
        Ipv4Address routerAddress = site.router().map(Site.Router::address).orElseGet(() -> freeGateway(site, lan));
        int lanLength = networkOf(site, routerAddress).map(Prefix::length).orElse(lan.length());
        Prefix tunnel = TUNNEL_POOL.block(30, site.index());
        LabTopology.PodRoutingMode mode = switch (spec.cni().podRouting()) {
            case BGP -> LabTopology.PodRoutingMode.BGP;
            case STATIC -> LabTopology.PodRoutingMode.STATIC;
            case NONE -> LabTopology.PodRoutingMode.MASQUERADE;
        };
        List<LabTopology.HostLab> hosts = new ArrayList<>();
        for (Host host : site.hosts()) {
            hosts.add(host(name, plan, site, host, mode));
        }
        return new LabTopology.SiteLab(site.name(), site.index(), router, routerAddress, lanLength,
                site.router().isPresent(), site.connection().vpnEndpoint(), tunnel.first().plus(1),
                tunnel.first().plus(2), plan.vpcRoutes().getOrDefault(site.name(), List.of()),
                plan.onPremSelectors().getOrDefault(site.name(), List.of()),
                plan.cloudSelectors().getOrDefault(site.name(), List.of()), hosts);
    }

    private LabTopology.HostLab host(LabName name, AddressPlan plan, Site site, Host host, LabTopology.PodRoutingMode mode) {
        Netns node = new Netns(name.namespace(host.name()), NamespaceRole.NODE, host.name());
        Prefix block = plan.podBlocks().get(host.name());
        if (block == null) {
            throw new IllegalArgumentException("no pod block for host " + host.name());
        }
        List<LabTopology.PodLab> pods = new ArrayList<>();
        long firstOffset = block.size() >= 16 ? 10 : 1;
        for (int i = 0; i < PODS_PER_HOST && firstOffset + i < block.size() - 1; i++) {
            Netns pod = new Netns(name.namespace(host.name(), "p" + i), NamespaceRole.POD, host.name() + "/pod" + i);
            pods.add(new LabTopology.PodLab(pod, block.first().plus(firstOffset + i), "pod" + i));
        }
        int lanLength = networkOf(site, host.address()).map(Prefix::length)
                .orElse(site.nodeNetworks().getFirst().length());
        return new LabTopology.HostLab(host.name(), site.name(), node, host.address(), lanLength, block, pods, mode);
    }

    private static Optional<Prefix> networkOf(Site site, Ipv4Address address) {
        return site.nodeNetworks().stream().filter(p -> p.contains(address)).findFirst();
    }

    /**
     * A site without a router in the spec still has a gateway on its LAN; the lab gives it the highest address of
     * the first node network that no host or load-balancer range uses.
     */
    static Ipv4Address freeGateway(Site site, Prefix lan) {
        Set<Ipv4Address> taken = new HashSet<>();
        site.hosts().forEach(h -> taken.add(h.address()));
        List<AddressRange> ranges = site.loadBalancer().map(Site.LoadBalancer::ranges).orElse(List.of());
        for (long offset = lan.size() - 2; offset >= 1; offset--) {
            Ipv4Address candidate = lan.first().plus(offset);
            if (!taken.contains(candidate) && ranges.stream().noneMatch(r -> r.contains(candidate))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("site " + site.name() + " has no free address for its gateway in " + lan);
    }
}
