package io.hybridctl.lab.topology;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one lab is made of, derived from the spec and plan's outputs before anything is created. The
 * provisioner applies it; the safety check compares the machine against it.
 */
public record LabTopology(LabName name, VpcSide vpc, List<SiteLab> sites) {

    /** Pods reach their node through this address, present on every pod-facing veth of a node (as Calico does). */
    public static final Ipv4Address POD_GATEWAY = Ipv4Address.of(0xA9FE0101L);

    public LabTopology {
        sites = List.copyOf(sites);
    }

    /** The cloud side: one namespace holding the EKS control-plane ENI addresses. */
    public record VpcSide(Netns netns, List<Prefix> cidrs, List<Ipv4Address> apiServerAddresses,
                          List<Ipv4Address> cloudAddresses) {
        public VpcSide {
            cidrs = List.copyOf(cidrs);
            apiServerAddresses = List.copyOf(apiServerAddresses);
            cloudAddresses = List.copyOf(cloudAddresses);
        }

        public Ipv4Address primaryApiServer() {
            return apiServerAddresses.getFirst();
        }
    }

    /**
     * One on-prem site: its router namespace (the VPN endpoint and the L3 gateway of the site LAN), the tunnel to
     * the VPC, what the VPC routes to this site and which selectors the VPN lets through.
     */
    public record SiteLab(String name, int index, Netns router, Ipv4Address routerAddress, int lanLength,
                          boolean routerInSpec, Optional<Ipv4Address> vpnEndpoint, Ipv4Address tunnelCloud,
                          Ipv4Address tunnelOnPrem, List<Prefix> vpcRoutes, List<Prefix> onPremSelectors,
                          List<Prefix> cloudSelectors, List<HostLab> hosts) {
        public SiteLab {
            vpcRoutes = List.copyOf(vpcRoutes);
            onPremSelectors = List.copyOf(onPremSelectors);
            cloudSelectors = List.copyOf(cloudSelectors);
            hosts = List.copyOf(hosts);
        }

        /** The VPC-side end of this site's tunnel. */
        public String cloudDevice() {
            return "s" + index;
        }
    }

    /** One hybrid node and the pods it hosts. */
    public record HostLab(String name, String site, Netns node, Ipv4Address address, int lanLength, Prefix podBlock,
                          List<PodLab> pods, PodRoutingMode routing) {
        public HostLab {
            pods = List.copyOf(pods);
        }

        /** The router-side bridge port of this host's LAN link. */
        public String lanPort(int hostIndex) {
            return "h" + hostIndex;
        }
    }

    public record PodLab(Netns netns, Ipv4Address address, String nodeDevice) {
    }

    /** How pod addresses reach the network, as the CNI would do it. */
    public enum PodRoutingMode { BGP, STATIC, MASQUERADE }

    public List<Netns> namespaces() {
        List<Netns> all = new ArrayList<>();
        all.add(vpc.netns());
        for (SiteLab site : sites) {
            all.add(site.router());
            for (HostLab host : site.hosts()) {
                all.add(host.node());
                host.pods().forEach(p -> all.add(p.netns()));
            }
        }
        return all;
    }

    public List<HostLab> hosts() {
        return sites.stream().flatMap(s -> s.hosts().stream()).toList();
    }

    public Optional<HostLab> host(String hostName) {
        return hosts().stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    public Optional<SiteLab> site(String siteName) {
        return sites.stream().filter(s -> s.name().equals(siteName)).findFirst();
    }

    public List<Veth> veths() {
        List<Veth> veths = new ArrayList<>();
        for (SiteLab site : sites) {
            veths.add(new Veth(vpc.netns().name(), site.cloudDevice(), site.router().name(), "vpn0"));
            for (int i = 0; i < site.hosts().size(); i++) {
                HostLab host = site.hosts().get(i);
                veths.add(new Veth(host.node().name(), "lan0", site.router().name(), host.lanPort(i)));
                for (PodLab pod : host.pods()) {
                    veths.add(new Veth(pod.netns().name(), "eth0", host.node().name(), pod.nodeDevice()));
                }
            }
        }
        return veths;
    }

    public List<Bridge> bridges() {
        List<Bridge> bridges = new ArrayList<>();
        for (SiteLab site : sites) {
            List<String> ports = new ArrayList<>();
            for (int i = 0; i < site.hosts().size(); i++) {
                ports.add(site.hosts().get(i).lanPort(i));
            }
            bridges.add(new Bridge(site.router().name(), "lan", ports));
        }
        return bridges;
    }

    public List<InterfaceAddress> addresses() {
        List<InterfaceAddress> addresses = new ArrayList<>();
        for (Ipv4Address eni : vpc.apiServerAddresses()) {
            addresses.add(new InterfaceAddress(vpc.netns().name(), "lo", eni, 32));
        }
        for (Ipv4Address other : vpc.cloudAddresses()) {
            if (!vpc.apiServerAddresses().contains(other)) {
                addresses.add(new InterfaceAddress(vpc.netns().name(), "lo", other, 32));
            }
        }
        for (SiteLab site : sites) {
            addresses.add(new InterfaceAddress(vpc.netns().name(), site.cloudDevice(), site.tunnelCloud(), 30));
            addresses.add(new InterfaceAddress(site.router().name(), "vpn0", site.tunnelOnPrem(), 30));
            site.vpnEndpoint().ifPresent(outer -> addresses.add(new InterfaceAddress(site.router().name(), "vpn0", outer, 32)));
            addresses.add(new InterfaceAddress(site.router().name(), "lan", site.routerAddress(), site.lanLength()));
            for (HostLab host : site.hosts()) {
                addresses.add(new InterfaceAddress(host.node().name(), "lan0", host.address(), host.lanLength()));
                for (PodLab pod : host.pods()) {
                    addresses.add(new InterfaceAddress(host.node().name(), pod.nodeDevice(), POD_GATEWAY, 32));
                    addresses.add(new InterfaceAddress(pod.netns().name(), "eth0", pod.address(), 32));
                }
            }
        }
        return addresses;
    }

    /** Kernel routes the lab installs; none of them is a default route. */
    public List<KernelRoute> routes() {
        List<KernelRoute> routes = new ArrayList<>();
        // The API server answers from its ENI address, not from the tunnel's inside address.
        Optional<Ipv4Address> apiSource = Optional.of(vpc.primaryApiServer());
        List<Prefix> labWide = labPrefixes();
        for (SiteLab site : sites) {
            for (Prefix p : site.vpcRoutes()) {
                routes.add(new KernelRoute(vpc.netns().name(), p, Optional.of(site.tunnelOnPrem()), site.cloudDevice(),
                        apiSource, "VPC route table: " + p + " -> gateway -> VPN of site " + site.name()));
            }
            // What the AWS side of the VPN announces: its cloud-side selectors (the VPC and, through the transit
            // gateway, the other sites).
            for (Prefix p : site.cloudSelectors().isEmpty() ? vpc.cidrs() : site.cloudSelectors()) {
                routes.add(new KernelRoute(site.router().name(), p, Optional.of(site.tunnelCloud()), "vpn0",
                        Optional.empty(), "VPN tunnel: " + p + " as the AWS side announces it"));
            }
            for (HostLab host : site.hosts()) {
                for (Prefix p : labWide) {
                    if (host.podBlock().equals(p) || p.contains(host.address())) {
                        continue;
                    }
                    Optional<HostLab> peer = site.hosts().stream().filter(h -> h.podBlock().equals(p)).findFirst();
                    if (peer.isPresent()) {
                        routes.add(new KernelRoute(host.node().name(), p, Optional.of(peer.get().address()), "lan0",
                                Optional.empty(), "CNI overlay between nodes of one site (VXLAN in the real CNI)"));
                    } else {
                        routes.add(new KernelRoute(host.node().name(), p, Optional.of(site.routerAddress()), "lan0",
                                Optional.empty(), "node: towards the site router"));
                    }
                }
                for (PodLab pod : host.pods()) {
                    routes.add(new KernelRoute(host.node().name(), Prefix.of(pod.address(), 32), Optional.empty(),
                            pod.nodeDevice(), Optional.empty(), "node: its pod"));
                    routes.add(new KernelRoute(pod.netns().name(), Prefix.of(POD_GATEWAY, 32), Optional.empty(), "eth0",
                            Optional.empty(), "pod: its node's gateway address"));
                    for (Prefix p : labWide) {
                        routes.add(new KernelRoute(pod.netns().name(), p, Optional.of(POD_GATEWAY), "eth0",
                                Optional.empty(), "pod: everything in the lab through its node"));
                    }
                }
            }
        }
        return routes;
    }

    /** Every prefix the lab's hosts and pods may need to reach: the VPC and all sites' networks. */
    public List<Prefix> labPrefixes() {
        List<Prefix> prefixes = new ArrayList<>(vpc.cidrs());
        for (SiteLab site : sites) {
            for (HostLab host : site.hosts()) {
                Prefix lan = Prefix.containing(host.address(), host.lanLength());
                if (!prefixes.contains(lan)) {
                    prefixes.add(lan);
                }
            }
        }
        for (SiteLab site : sites) {
            for (HostLab host : site.hosts()) {
                if (!prefixes.contains(host.podBlock())) {
                    prefixes.add(host.podBlock());
                }
            }
        }
        return prefixes;
    }

    /** The namespace that holds an address (an ENI or cloud endpoint, a host, a pod). */
    public Optional<String> namespaceOf(Ipv4Address address) {
        if (vpc.apiServerAddresses().contains(address) || vpc.cloudAddresses().contains(address)) {
            return Optional.of(vpc.netns().name());
        }
        for (HostLab host : hosts()) {
            if (host.address().equals(address)) {
                return Optional.of(host.node().name());
            }
            for (PodLab pod : host.pods()) {
                if (pod.address().equals(address)) {
                    return Optional.of(pod.netns().name());
                }
            }
        }
        return Optional.empty();
    }

    /** The stand-in services of each namespace, by namespace name. */
    public Map<String, List<Service>> services() {
        Map<String, List<Service>> services = new LinkedHashMap<>();
        services.put(vpc.netns().name(), List.of(Service.API_SERVER));
        for (HostLab host : hosts()) {
            services.put(host.node().name(), List.of(Service.KUBELET));
            for (PodLab pod : host.pods()) {
                services.put(pod.netns().name(), List.of(Service.WEBHOOK, Service.DNS));
            }
        }
        return services;
    }
}
