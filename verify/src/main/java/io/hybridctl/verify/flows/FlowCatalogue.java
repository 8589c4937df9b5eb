package io.hybridctl.verify.flows;

import io.hybridctl.verify.definition.Expectation;
import io.hybridctl.verify.definition.FlowDefinition;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.net.Protocol;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.verify.model.HybridModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every flow a hybrid cluster needs (EKS user guide hybrid-nodes-networking, the AWS tables in networking.md), plus
 * the isolation an unroutable pod CIDR promises. Pod-to-pod traffic between hybrid nodes is VXLAN between node
 * addresses (the AWS-supported Cilium mode and the AWS Calico values), so that is what is checked for it.
 */
public final class FlowCatalogue {

    /** A TCP port standing in for application ports (the tables say "user-defined"). */
    public static final int APP_PORT = 8080;
    /** The port a LoadBalancer service listens on in the check. */
    public static final int LB_PORT = 80;

    private static final String NETWORKING = "EKS user guide, hybrid-nodes-networking (networking.md §2.1, §3.2)";

    private FlowCatalogue() {
    }

    public static List<CatalogueEntry> entries() {
        List<CatalogueEntry> out = new ArrayList<>();
        out.add(new CatalogueEntry(new FlowDefinition("node-to-apiserver", "node -> API server tcp/443",
                NETWORKING + ": kubelet to Kubernetes API server", "always",
                "nodes cannot join or go NotReady: kubelet 'i/o timeout' to the API server", Expectation.MUST_WORK),
                (m, o) -> new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, 443), hosts(m), controlPlane(m), true)))));
        out.add(new CatalogueEntry(new FlowDefinition("pod-to-apiserver", "pod -> API server tcp/443",
                NETWORKING + ": pods to Kubernetes API server when the CNI does not NAT pod traffic", "routable pods (not masqueraded)",
                "the CNI and operators on hybrid nodes cannot reach the API: crash loops, 'i/o timeout' to the kubernetes Service",
                Expectation.MUST_WORK),
                (m, o) -> m.intent().podsRoutable()
                        ? new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, 443), pods(m), controlPlane(m), true)))
                        : new Applicability.NotApplicable("pods are masqueraded to the node address; node-to-apiserver covers them")));
        out.add(new CatalogueEntry(new FlowDefinition("apiserver-to-kubelet", "API server -> kubelet tcp/10250",
                NETWORKING + ": Kubernetes API server to kubelet", "always",
                "kubectl logs/exec/port-forward fail while pods run", Expectation.MUST_WORK),
                (m, o) -> new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, 10250), controlPlane(m), hosts(m), true)))));
        out.add(new CatalogueEntry(new FlowDefinition("apiserver-to-webhook", "API server -> webhooks on hybrid pods tcp/" + ports(),
                NETWORKING + ": API server to webhooks; hybrid-nodes-webhooks", "routable pods, or webhooks run on hybrid nodes",
                "admission webhooks on hybrid nodes time out ('context deadline exceeded'); creates and updates fail",
                Expectation.MUST_WORK),
                (m, o) -> {
                    if (!m.intent().podsRoutable() && !o.webhooksOnHybridNodes()) {
                        return new Applicability.NotApplicable("pods are unroutable; plan pins webhooks to cloud nodes (addons/webhook-affinity-patch.yaml)");
                    }
                    List<Leg> legs = new ArrayList<>();
                    for (int port : Intents.WEBHOOK_PORTS) {
                        legs.add(new Leg(Header.request(Protocol.TCP, port), controlPlane(m), pods(m), true));
                    }
                    return new Applicability.Applies(legs);
                }));
        out.add(new CatalogueEntry(new FlowDefinition("pod-to-coredns", "pod -> CoreDNS udp+tcp/53",
                NETWORKING + ": pod to CoreDNS (a replica runs in the VPC)", "always (from the node address when pods are masqueraded)",
                "DNS lookups from pods on hybrid nodes time out", Expectation.MUST_WORK),
                (m, o) -> {
                    List<Endpoint> from = m.intent().podsRoutable() ? pods(m) : hosts(m);
                    return new Applicability.Applies(List.of(new Leg(Header.request(Protocol.UDP, 53), from, coreDns(m), true),
                            new Leg(Header.request(Protocol.TCP, 53), from, coreDns(m), true)));
                }));
        out.add(new CatalogueEntry(new FlowDefinition("pod-to-pod", "pod <-> pod across hosts and sites (VXLAN between nodes)",
                NETWORKING + ": pod to pod; Cilium 8472/udp, Calico 4789/udp (networking.md §3.4)", "always",
                "pods on different hybrid nodes cannot reach each other; Services with remote endpoints fail intermittently",
                Expectation.MUST_WORK),
                (m, o) -> new Applicability.Applies(List.of(new Leg(Header.request(Protocol.UDP, vxlanPort(m)), hosts(m), hosts(m), false)))));
        out.add(new CatalogueEntry(new FlowDefinition("cilium-health", "Cilium health tcp/4240 between nodes",
                "networking.md §3.4 (Cilium ports)", "Cilium",
                "cilium-health reports nodes unreachable; 'cilium status' degraded", Expectation.MUST_WORK),
                (m, o) -> m.spec().cni().plugin() == Cni.Plugin.CILIUM
                        ? new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, 4240), hosts(m), hosts(m), true)))
                        : new Applicability.NotApplicable("not Cilium")));
        out.add(new CatalogueEntry(new FlowDefinition("cloud-pod-to-hybrid-pod", "cloud pod <-> hybrid pod tcp/" + APP_PORT,
                "networking.md §4 (routable pod networks: cloud pods talk directly to hybrid pods)", "routable pods",
                "pods in the VPC cannot reach pods on hybrid nodes (and back); ALB/NLB target-type ip fails", Expectation.MUST_WORK),
                (m, o) -> m.intent().podsRoutable()
                        ? new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, APP_PORT), cloudPods(m), pods(m), true),
                        new Leg(Header.request(Protocol.TCP, APP_PORT), pods(m), cloudPods(m), true)))
                        : new Applicability.NotApplicable("pods are unroutable")));
        out.add(new CatalogueEntry(new FlowDefinition("node-to-bgp-peer", "node -> BGP peer tcp/179, session established",
                "networking.md §5.4 (Cilium BGP control plane; values must match the router)", "podRouting bgp",
                "pod routes missing on the router: webhooks and cloud-to-hybrid pod traffic fail; 'cilium bgp peers' not established",
                Expectation.MUST_WORK),
                (m, o) -> m.spec().cni().podRouting() == Cni.PodRouting.BGP && !m.intent().bgpSpeakers().isEmpty()
                        ? new Applicability.Applies(bgpLegs(m))
                        : new Applicability.NotApplicable("pods are not routed with BGP")));
        out.add(new CatalogueEntry(new FlowDefinition("lb-from-onprem", "on-prem network -> LoadBalancer addresses tcp/" + LB_PORT,
                "networking.md §7 (MetalLB L2 answers ARP on the node LAN; Cilium LB IPAM is announced over BGP)", "sites with a load balancer",
                "LoadBalancer services are unreachable from on-prem clients", Expectation.MUST_WORK),
                (m, o) -> {
                    List<Leg> legs = new ArrayList<>();
                    for (HybridModel.SiteNodes s : m.sites().values()) {
                        if (s.loadBalancerPrefixes().isEmpty()) {
                            continue;
                        }
                        Endpoint client = new Endpoint(s.router(), PrefixSet.of(Prefix.containing(s.routerAddress(), 32)),
                                "on-prem network of site " + s.site().name());
                        Endpoint lb = new Endpoint(s.router(), PrefixSet.ofPrefixes(s.loadBalancerPrefixes()), "LB pool of site " + s.site().name());
                        legs.add(new Leg(Header.request(Protocol.TCP, LB_PORT), List.of(client), List.of(lb), false));
                    }
                    return legs.isEmpty() ? new Applicability.NotApplicable("no site has a load balancer") : new Applicability.Applies(legs);
                }));
        out.add(new CatalogueEntry(new FlowDefinition("pod-cidr-isolated", "VPC -/-> unroutable pod CIDR",
                "networking.md §4 (unroutable pods: no direct cloud-to-hybrid-pod traffic; the CIDR must not be routed)",
                "unroutable pods (podRouting none)",
                "the pod CIDR is routed though declared unroutable: traffic may reach another network using the same addresses",
                Expectation.MUST_NOT_WORK),
                (m, o) -> {
                    if (m.intent().podsRoutable()) {
                        return new Applicability.NotApplicable("pods are routable");
                    }
                    List<Prefix> podNets = new ArrayList<>();
                    m.spec().sites().forEach(s -> podNets.addAll(s.podNetworks()));
                    Endpoint target = new Endpoint("-", PrefixSet.ofPrefixes(podNets), "pod networks");
                    List<Endpoint> from = new ArrayList<>(controlPlane(m));
                    from.addAll(cloudPods(m));
                    return new Applicability.Applies(List.of(new Leg(Header.request(Protocol.TCP, 443), from, List.of(target), false)));
                }));
        return out;
    }

    /**
     * The required flows of networking.md §1 and §3.2 per host, for probing: kubelet to API server, API server to
     * kubelet, pods to API server, API server to webhooks (which the design gives up when pods are unroutable), DNS
     * to CoreDNS on another node, pod to pod across nodes.
     */
    public static List<HostProbe> hostProbes(boolean podsRoutable) {
        return List.of(
                new HostProbe("kubelet-to-api", "kubelet to Kubernetes API server", HostProbe.Side.HOST, HostProbe.Side.API_SERVER,
                        Protocol.TCP, 443, true),
                new HostProbe("api-to-kubelet", "API server to kubelet (logs, exec, port-forward)", HostProbe.Side.API_SERVER,
                        HostProbe.Side.HOST, Protocol.TCP, 10250, true),
                new HostProbe("pod-to-api", "pod to Kubernetes API server" + (podsRoutable ? "" : " (masqueraded)"), HostProbe.Side.POD,
                        HostProbe.Side.API_SERVER, Protocol.TCP, 443, true),
                new HostProbe("api-to-webhook", "API server to a webhook on a hybrid pod"
                        + (podsRoutable ? "" : " (pods unroutable: webhooks must run in the cloud)"), HostProbe.Side.API_SERVER,
                        HostProbe.Side.POD, Protocol.TCP, 9443, podsRoutable),
                new HostProbe("dns-udp", "pod to CoreDNS on another node (UDP)", HostProbe.Side.POD, HostProbe.Side.PEER_COREDNS,
                        Protocol.UDP, 53, true),
                new HostProbe("dns-tcp", "pod to CoreDNS on another node (TCP)", HostProbe.Side.POD, HostProbe.Side.PEER_COREDNS,
                        Protocol.TCP, 53, true),
                new HostProbe("pod-to-pod", "pod to pod on another node", HostProbe.Side.POD, HostProbe.Side.PEER_POD, Protocol.TCP, 9443, true));
    }

    public static Optional<CatalogueEntry> find(String name) {
        return entries().stream().filter(e -> e.definition().name().equals(name)).findFirst();
    }

    private static String ports() {
        return String.join(",", Intents.WEBHOOK_PORTS.stream().map(String::valueOf).toList());
    }

    static int vxlanPort(HybridModel m) {
        return m.spec().cni().plugin() == Cni.Plugin.CILIUM ? 8472 : 4789;
    }

    private static List<Leg> bgpLegs(HybridModel m) {
        List<Leg> legs = new ArrayList<>();
        java.util.Set<String> speaking = new java.util.HashSet<>();
        m.intent().bgpSpeakers().forEach(b -> speaking.add(b.host()));
        java.util.Map<String, List<Endpoint>> bySite = new java.util.HashMap<>();
        for (HybridModel.HostNodes h : m.hosts().values()) {
            if (speaking.contains(h.host().name())) {
                bySite.computeIfAbsent(h.host().site(), k -> new ArrayList<>()).add(hostEndpoint(h));
            }
        }
        for (HybridModel.SiteNodes s : m.sites().values()) {
            List<Endpoint> speakers = bySite.getOrDefault(s.site().name(), List.of());
            if (!speakers.isEmpty()) {
                Endpoint peer = new Endpoint(s.router(), PrefixSet.of(Prefix.containing(s.routerAddress(), 32)), "router of site " + s.site().name());
                legs.add(new Leg(Header.request(Protocol.TCP, 179), speakers, List.of(peer), true));
            }
        }
        return legs;
    }

    static List<Endpoint> hosts(HybridModel m) {
        return m.hosts().values().stream().map(FlowCatalogue::hostEndpoint).toList();
    }

    private static Endpoint hostEndpoint(HybridModel.HostNodes h) {
        return new Endpoint(h.node(), PrefixSet.of(Prefix.containing(h.host().address(), 32)), "host " + h.host().name());
    }

    static List<Endpoint> pods(HybridModel m) {
        return m.hosts().values().stream().filter(h -> h.podBlock() != null)
                .map(h -> new Endpoint(h.podNode(), PrefixSet.of(h.podBlock()), "pods on " + h.host().name())).toList();
    }

    static List<Endpoint> controlPlane(HybridModel m) {
        return endpoints(m.controlPlane());
    }

    static List<Endpoint> cloudPods(HybridModel m) {
        return endpoints(m.cloudPods());
    }

    static List<Endpoint> coreDns(HybridModel m) {
        return endpoints(m.coreDns());
    }

    private static List<Endpoint> endpoints(List<HybridModel.Endpoint> list) {
        return list.stream().map(e -> new Endpoint(e.node(), PrefixSet.of(Prefix.containing(e.address(), 32)), e.label())).toList();
    }
}
