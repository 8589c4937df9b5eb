package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Derives the {@link NetworkIntent} of a validated spec and its pod block allocations. The rules follow the AWS
 * tables in networking.md §2.1 and §3.2; everything here is computed once and rendered many times.
 */
public final class Intents {

    /** Ports the API server calls webhooks on: 443 (most), 9443 (AWS LBC, controller-runtime), 10250 (cert-manager). */
    public static final List<Integer> WEBHOOK_PORTS = List.of(443, 9443, 10250);

    /** User-defined application ports: the AWS table leaves them to the user, so the rendered rule spans them all. */
    public static final PortRange APP_PORTS = new PortRange(1, 65535);

    private Intents() {
    }

    public static NetworkIntent derive(HybridCluster spec, Allocations allocations) {
        Cni cni = spec.cni();
        List<Prefix> vpc = spec.vpc().cidrs();
        return new NetworkIntent(spec.name(), vpc, routeTables(spec.vpc()), spec.serviceCidr(), spec.remoteNodeNetworks(), spec.remotePodNetworks(),
                cni.podsRoutable(), allocations, vpcRoutes(spec), securityGroupRules(spec), firewallRules(spec),
                routers(spec, allocations), ipsec(spec), bgpSpeakers(spec, allocations), loadBalancerPools(spec),
                masquerades(spec, allocations));
    }

    /** The CloudFormation logical id eksctl also uses for an AZ's private route table (us-west-2a -> USWEST2A). */
    public static String azSuffix(String availabilityZone) {
        return availabilityZone.toUpperCase(Locale.ROOT).replace("-", "");
    }

    public static List<String> routeTables(Vpc vpc) {
        return switch (vpc) {
            case Vpc.NewVpc n -> n.availabilityZones().stream().map(az -> "PrivateRouteTable" + azSuffix(az)).toList();
            case Vpc.ExistingVpc e -> e.routeTableIds();
        };
    }

    static List<VpcRoute> vpcRoutes(HybridCluster spec) {
        Optional<Vpc.Gateway> gw = spec.vpc().gateway();
        if (gw.isEmpty()) {
            return List.of();
        }
        GatewayTarget target = new GatewayTarget(gw.get().id(), gw.get().isTransitGateway()
                ? GatewayTarget.Kind.TRANSIT_GATEWAY : GatewayTarget.Kind.VIRTUAL_PRIVATE_GATEWAY);
        String artifact = spec.vpc() instanceof Vpc.NewVpc ? ArtifactPaths.CFN_NEW_VPC : ArtifactPaths.CFN_EXISTING_VPC;
        List<VpcRoute> out = new ArrayList<>();
        for (String table : routeTables(spec.vpc())) {
            for (Prefix p : spec.remoteNodeNetworks()) {
                out.add(new VpcRoute(table, p, target, Provenance.of("spec.sites[*].nodeNetworks", artifact)));
            }
            for (Prefix p : spec.remotePodNetworks()) {
                out.add(new VpcRoute(table, p, target, Provenance.of("spec.sites[*].podNetworks", artifact)));
            }
        }
        return out;
    }

    static List<SecurityGroupRule> securityGroupRules(HybridCluster spec) {
        String artifact = spec.vpc() instanceof Vpc.NewVpc ? ArtifactPaths.CFN_NEW_VPC : ArtifactPaths.CFN_EXISTING_VPC;
        List<SecurityGroupRule> out = new ArrayList<>();
        for (Prefix p : spec.remoteNodeNetworks()) {
            out.add(new SecurityGroupRule(Direction.INBOUND, Protocol.TCP, PortRange.of(443), p,
                    "kubelet to Kubernetes API server", Provenance.of("spec.sites[*].nodeNetworks", artifact)));
        }
        for (Prefix p : spec.remotePodNetworks()) {
            out.add(new SecurityGroupRule(Direction.INBOUND, Protocol.TCP, PortRange.of(443), p,
                    "pods to Kubernetes API server (pod traffic is not masqueraded)", Provenance.of("spec.sites[*].podNetworks", artifact)));
        }
        for (Prefix p : spec.remoteNodeNetworks()) {
            out.add(new SecurityGroupRule(Direction.OUTBOUND, Protocol.TCP, PortRange.of(10250), p,
                    "Kubernetes API server to kubelet (logs, exec, port-forward)", Provenance.of("spec.sites[*].nodeNetworks", artifact)));
        }
        for (Prefix p : spec.remotePodNetworks()) {
            for (int port : WEBHOOK_PORTS) {
                out.add(new SecurityGroupRule(Direction.OUTBOUND, Protocol.TCP, PortRange.of(port), p,
                        "Kubernetes API server to webhooks on hybrid pods", Provenance.of("spec.sites[*].podNetworks", artifact)));
            }
        }
        return out;
    }

    static List<FirewallRule> firewallRules(HybridCluster spec) {
        List<FirewallRule> out = new ArrayList<>();
        Cluster c = spec.cluster();
        String suffix = dnsSuffix(c.partition());
        Peer cluster = new Peer.Cidrs("EKS cluster IPs (VPC)", spec.vpc().cidrs());
        // remoteNodeNetworks() merges every site's networks on each call: compute it once, not once per site
        Peer allNodes = new Peer.Cidrs("remote node networks", spec.remoteNodeNetworks());
        Peer allPods = new Peer.Cidrs("remote pod networks", spec.remotePodNetworks());
        Peer cloudPods = new Peer.Cidrs("cloud pods (VPC)", spec.vpc().cidrs());
        for (Site site : spec.sites()) {
            if (!site.firewall()) {
                continue;
            }
            String path = site.path() + ".firewall";
            String artifact = ArtifactPaths.firewallMarkdown(site.name());
            Provenance prov = Provenance.of(path, artifact);
            Peer nodes = new Peer.Cidrs("site node networks", site.nodeNetworks());
            Peer pods = new Peer.Cidrs("site pod networks", site.podNetworks());
            boolean routable = spec.cni().podsRoutable();
            String s = site.name();
            out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.TCP, PortRange.of(443), nodes, cluster, "kubelet to Kubernetes API server", prov));
            if (routable) {
                out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.TCP, PortRange.of(443), pods, cluster, "pods to Kubernetes API server", prov));
            }
            out.add(new FirewallRule(s, Direction.INBOUND, Protocol.TCP, PortRange.of(10250), cluster, nodes, "Kubernetes API server to kubelet", prov));
            if (routable) {
                for (int port : WEBHOOK_PORTS) {
                    out.add(new FirewallRule(s, Direction.INBOUND, Protocol.TCP, PortRange.of(port), cluster, pods, "Kubernetes API server to webhooks on pods", prov));
                }
            }
            Peer dnsSource = routable ? pods : nodes;
            String dnsWhy = routable ? "pods to CoreDNS replicas in the VPC" : "pods (masqueraded to the node address) to CoreDNS replicas in the VPC";
            out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.UDP, PortRange.of(53), dnsSource, cluster, dnsWhy, prov));
            out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.TCP, PortRange.of(53), dnsSource, cluster, dnsWhy, prov));
            if (routable) {
                // The AWS table's user-defined "pod to pod" rows: pods of other sites and cloud pods (VPC CNI
                // addresses in the VPC) talk to this site's pods directly when pod CIDRs are routable.
                for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
                    out.add(new FirewallRule(s, Direction.INBOUND, p, APP_PORTS, cloudPods, pods, "cloud pods to hybrid pods (application ports; narrow to your services)", prov));
                    out.add(new FirewallRule(s, Direction.OUTBOUND, p, APP_PORTS, pods, cloudPods, "hybrid pods to cloud pods (application ports; narrow to your services)", prov));
                    if (spec.sites().size() > 1) {
                        out.add(new FirewallRule(s, Direction.INBOUND, p, APP_PORTS, allPods, pods, "pods of other sites to this site's pods (application ports)", prov));
                        out.add(new FirewallRule(s, Direction.OUTBOUND, p, APP_PORTS, pods, allPods, "this site's pods to pods of other sites (application ports)", prov));
                    }
                }
            }
            if (spec.credentials().provider() == Credentials.Provider.SSM) {
                out.add(endpoint(s, nodes, "ssm." + c.region() + "." + suffix, "SSM credential refresh and heartbeats every 5 minutes", prov));
                out.add(endpoint(s, nodes, "amazon-ssm-" + c.region() + ".s3." + c.region() + "." + suffix, "nodeadm install: SSM agent download", prov));
            } else {
                out.add(endpoint(s, nodes, "rolesanywhere." + suffix, "IAM Roles Anywhere credential refresh", prov));
                out.add(endpoint(s, nodes, "rolesanywhere." + c.region() + "." + suffix, "IAM Roles Anywhere credential refresh", prov));
            }
            out.add(endpoint(s, nodes, "eks." + c.region() + "." + suffix, "nodeadm: EKS DescribeCluster", prov));
            out.add(endpoint(s, nodes, "api.ecr." + c.region() + "." + suffix, "image pulls: ECR API", prov));
            // The rest of AWS's required-access table for images: the account registries (EKS add-ons such as the
            // pause image, and your own), their layers in S3, and public ECR, where the EKS Cilium builds live.
            out.add(endpoint(s, nodes, "*.dkr.ecr." + c.region() + "." + suffix, "image pulls: ECR registries (<account>.dkr.ecr...)", prov));
            out.add(endpoint(s, nodes, "prod-" + c.region() + "-starport-layer-bucket.s3." + c.region() + "." + suffix, "image pulls: ECR image layers (S3)", prov));
            if (!c.partition().equals("aws-cn")) {
                out.add(endpoint(s, nodes, "public.ecr.aws", "image pulls: public ECR (EKS Cilium builds, Hybrid Nodes gateway)", prov));
            }
            out.add(endpoint(s, nodes, c.partition().equals("aws-cn") ? "eks-hybrid-assets.awsstatic.cn" : "hybrid-assets.eks.amazonaws.com",
                    "nodeadm install: binaries and release manifest", prov));
            // CNI overlay between nodes of all sites: VXLAN across the VPN when nodes of different sites talk.
            int vxlan = spec.cni().plugin() == Cni.Plugin.CILIUM ? 8472 : 4789;
            out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.UDP, PortRange.of(vxlan), nodes, allNodes, "CNI VXLAN overlay between nodes", prov));
            out.add(new FirewallRule(s, Direction.INBOUND, Protocol.UDP, PortRange.of(vxlan), allNodes, nodes, "CNI VXLAN overlay between nodes", prov));
            if (spec.cni().plugin() == Cni.Plugin.CALICO) {
                // calico-node on every node talks to the Typha pods, which run host-networked on hybrid nodes of any site.
                out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.TCP, PortRange.of(5473), nodes, allNodes, "calico-node to Typha", prov));
                out.add(new FirewallRule(s, Direction.INBOUND, Protocol.TCP, PortRange.of(5473), allNodes, nodes, "calico-node to Typha", prov));
            }
            if (site.connection().type() == Site.ConnectionType.VPN) {
                // The VPN device's own traffic, when the firewall sits in front of it: IKE, NAT traversal and ESP.
                Peer device = new Peer.Cidrs("site VPN endpoint", site.connection().vpnEndpoint().map(a -> List.of(Prefix.of(a, 32))).orElse(List.of()));
                Peer tunnels = new Peer.Endpoint("AWS VPN tunnels", "tunnel outside IPs of the AWS VPN connection");
                for (Direction d : Direction.values()) {
                    Peer from = d == Direction.OUTBOUND ? device : tunnels;
                    Peer to = d == Direction.OUTBOUND ? tunnels : device;
                    out.add(new FirewallRule(s, d, Protocol.UDP, PortRange.of(500), from, to, "VPN: IKE", prov));
                    out.add(new FirewallRule(s, d, Protocol.UDP, PortRange.of(4500), from, to, "VPN: IKE and ESP behind NAT (NAT-T)", prov));
                    out.add(new FirewallRule(s, d, Protocol.ESP, new PortRange(0, 65535), from, to, "VPN: ESP (IP protocol 50)", prov));
                }
            }
            if (spec.cni().plugin() == Cni.Plugin.CILIUM) {
                // Health checks go both ways: this site's agents probe the other sites' nodes, and are probed by them.
                out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.TCP, PortRange.of(4240), nodes, allNodes, "Cilium health checks", prov));
                out.add(new FirewallRule(s, Direction.INBOUND, Protocol.TCP, PortRange.of(4240), allNodes, nodes, "Cilium health checks", prov));
                out.add(new FirewallRule(s, Direction.OUTBOUND, Protocol.ICMP, new PortRange(8, 8), nodes, allNodes, "Cilium health checks (echo request)", prov));
                out.add(new FirewallRule(s, Direction.INBOUND, Protocol.ICMP, new PortRange(8, 8), allNodes, nodes, "Cilium health checks (echo request)", prov));
            }
        }
        return out;
    }

    private static FirewallRule endpoint(String site, Peer nodes, String host, String why, Provenance prov) {
        return new FirewallRule(site, Direction.OUTBOUND, Protocol.TCP, PortRange.of(443), nodes, new Peer.Endpoint(host, host), why, prov);
    }

    public static String dnsSuffix(String partition) {
        return partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    static List<RouterConfig> routers(HybridCluster spec, Allocations allocations) {
        List<RouterConfig> out = new ArrayList<>();
        Cni cni = spec.cni();
        if (!cni.podsRoutable()) {
            return out;
        }
        Upstream upstream = new Upstream(spec);
        for (Site site : spec.sites()) {
            if (site.router().isEmpty()) {
                continue;
            }
            Site.Router r = site.router().get();
            Provenance prov = Provenance.of(site.path() + ".router", ArtifactPaths.frr(site.name()));
            if (cni.podRouting() == Cni.PodRouting.STATIC) {
                List<StaticRoute> routes = new ArrayList<>();
                for (Host h : site.hosts()) {
                    routes.add(new StaticRoute(h.name(), allocations.blockOf(h), h.address(), Provenance.of(h.path(), ArtifactPaths.frr(site.name()))));
                }
                out.add(new RouterConfig.StaticRouting(site.name(), r.address(), r.kind(), upstream.of(site), routes, prov));
            } else {
                List<RouterNeighbor> neighbors = new ArrayList<>();
                for (Host h : site.hosts()) {
                    long asn = hostAsn(spec, h);
                    neighbors.add(new RouterNeighbor(h.name(), h.address(), asn, r.holdTimeSeconds(), r.keepaliveTimeSeconds(),
                            cni.bgp().gracefulRestart(), asn == r.asn(), Provenance.of(h.path(), ArtifactPaths.frr(site.name()))));
                }
                List<Prefix> accepted = new ArrayList<>(site.podNetworks());
                accepted.addAll(advertisedLoadBalancerPrefixes(spec, site));
                out.add(new RouterConfig.BgpRouting(site.name(), r.address(), r.kind(), upstream.of(site), r.asn(), neighbors,
                        accepted, 32, prov));
            }
        }
        return out;
    }

    public static long hostAsn(HybridCluster spec, Host h) {
        return h.asn().orElse(spec.cni().bgp().asn());
    }

    /** LB addresses are announced by BGP only with Cilium LB IPAM and BGP pod routing; MetalLB here uses L2. */
    static List<Prefix> advertisedLoadBalancerPrefixes(HybridCluster spec, Site site) {
        if (site.loadBalancer().isEmpty() || advertisement(spec, site.loadBalancer().get()) != LoadBalancerPool.Advertisement.BGP) {
            return List.of();
        }
        List<Prefix> out = new ArrayList<>();
        for (AddressRange r : site.loadBalancer().get().ranges()) {
            out.addAll(r.toPrefixes());
        }
        return out;
    }

    static LoadBalancerPool.Advertisement advertisement(HybridCluster spec, Site.LoadBalancer lb) {
        boolean bgp = lb.type() == Site.LoadBalancerType.CILIUM_LB_IPAM && spec.cni().plugin() == Cni.Plugin.CILIUM
                && spec.cni().podRouting() == Cni.PodRouting.BGP;
        return bgp ? LoadBalancerPool.Advertisement.BGP : LoadBalancerPool.Advertisement.L2;
    }

    static List<IpsecSelectors> ipsec(HybridCluster spec) {
        List<IpsecSelectors> out = new ArrayList<>();
        Upstream upstream = new Upstream(spec);
        for (Site site : spec.sites()) {
            Site.Connection c = site.connection();
            if (c.type() != Site.ConnectionType.VPN) {
                continue;
            }
            List<Prefix> cloud = c.cloudSelectors().orElse(upstream.of(site));
            List<IpsecSelectors.Child> children = new ArrayList<>();
            if (c.onPremSelectors().isPresent()) {
                children.add(new IpsecSelectors.Child("selectors", c.onPremSelectors().get(), cloud));
            } else {
                children.add(new IpsecSelectors.Child("nodes", site.nodeNetworks(), cloud));
                if (spec.cni().podsRoutable() && !site.podNetworks().isEmpty()) {
                    children.add(new IpsecSelectors.Child("pods", site.podNetworks(), cloud));
                }
            }
            out.add(new IpsecSelectors(site.name(), c.vpnEndpoint(), children,
                    Provenance.of(site.path() + ".connection", ArtifactPaths.swanctl(site.name()))));
        }
        return out;
    }

    static List<BgpSpeaker> bgpSpeakers(HybridCluster spec, Allocations allocations) {
        List<BgpSpeaker> out = new ArrayList<>();
        Cni cni = spec.cni();
        if (cni.podRouting() != Cni.PodRouting.BGP) {
            return out;
        }
        String artifact = cni.plugin() == Cni.Plugin.CILIUM ? ArtifactPaths.CILIUM_BGP : ArtifactPaths.CALICO_BGP;
        for (Site site : spec.sites()) {
            if (site.router().isEmpty()) {
                continue;
            }
            Site.Router r = site.router().get();
            List<Prefix> lb = advertisedLoadBalancerPrefixes(spec, site);
            for (Host h : site.hosts()) {
                List<Prefix> advertised = new ArrayList<>();
                advertised.add(allocations.blockOf(h));
                advertised.addAll(lb);
                out.add(new BgpSpeaker(h.name(), site.name(), h.address(), hostAsn(spec, h), r.address(), r.asn(), r.holdTimeSeconds(),
                        r.keepaliveTimeSeconds(), cni.bgp().gracefulRestart(), cni.bgp().restartTimeSeconds(), advertised,
                        Provenance.of(h.path(), artifact)));
            }
        }
        return out;
    }

    static List<LoadBalancerPool> loadBalancerPools(HybridCluster spec) {
        List<LoadBalancerPool> out = new ArrayList<>();
        for (Site site : spec.sites()) {
            site.loadBalancer().ifPresent(lb -> out.add(new LoadBalancerPool(site.name(), poolName(site), lb.type(), lb.ranges(),
                    advertisement(spec, lb), Provenance.of(site.path() + ".loadBalancer", ArtifactPaths.loadBalancer(site.name())))));
        }
        return out;
    }

    public static String poolName(Site site) {
        return "hybrid-" + site.name();
    }

    static List<Masquerade> masquerades(HybridCluster spec, Allocations allocations) {
        List<Masquerade> out = new ArrayList<>();
        if (spec.cni().podsRoutable()) {
            return out;
        }
        String artifact = spec.cni().plugin() == Cni.Plugin.CILIUM ? ArtifactPaths.CILIUM_VALUES : ArtifactPaths.CALICO_VALUES;
        spec.hosts().forEach(h -> out.add(new Masquerade(h.name(), h.site(), allocations.blockOf(h), h.address(),
                Provenance.of(h.path(), artifact))));
        return out;
    }
}
