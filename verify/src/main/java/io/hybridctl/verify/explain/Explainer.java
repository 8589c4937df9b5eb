package io.hybridctl.verify.explain;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.bgp.BgpSession;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Outcome;
import io.hybridctl.netmodel.flow.Step;
import io.hybridctl.netmodel.flow.Trace;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Site;
import io.hybridctl.verify.definition.Expectation;
import io.hybridctl.verify.definition.FlowDefinition;
import io.hybridctl.verify.model.Labels;
import io.hybridctl.verify.model.HybridModel;

import java.util.List;
import java.util.Optional;

/**
 * Turns a failing trace into an explanation code, the component that blocked the flow and a remediation that names
 * the spec field or plan artifact to change. Root causes win over symptoms: a route missing on a router because the
 * host's BGP session is down is BGP_SESSION_DOWN, not NO_ROUTE_TO_DESTINATION.
 */
public final class Explainer {

    private final HybridModel model;
    private final DataPlane dataPlane;
    private final Labels labels;

    private final io.hybridctl.net.PrefixTrie<HybridModel.HostNodes> podOwners = new io.hybridctl.net.PrefixTrie<>();

    public Explainer(HybridModel model, DataPlane dataPlane, Labels labels) {
        this.model = model;
        this.dataPlane = dataPlane;
        this.labels = labels;
        model.hosts().values().stream().filter(h -> h.podBlock() != null).forEach(h -> podOwners.put(h.podBlock(), h));
    }

    public Explanation explain(FlowDefinition def, Header header, Outcome o) {
        Trace t = o.trace();
        Hop last = t.lastHop();
        String dst = labels.of(o.destinations());
        String symptom = def.symptom();
        if (def.expectation() == Expectation.MUST_NOT_WORK) {
            return new Explanation("UNEXPECTED_REACHABILITY", last.node(), dst + " is reachable from the VPC although spec.cni.podRouting is none",
                    "remove the pod CIDR from the VPC route tables and the gateway (plan renders none for podRouting none), or declare the pods routable",
                    symptom);
        }
        Optional<String> overlap = overlappingSites(o.destinations());
        if (overlap.isPresent()) {
            return new Explanation("OVERLAPPING_ADDRESSES", last.node(), dst + " lies in the networks of sites " + overlap.get()
                    + "; packets for it go to only one of them", "give every site its own pod and node networks (spec.sites[*].podNetworks, nodeNetworks; validation EKS003)", symptom);
        }
        if (def.name().equals("apiserver-to-webhook") && !model.intent().podsRoutable()) {
            return new Explanation("POD_CIDR_UNROUTABLE", last.node(), "webhooks run on hybrid nodes but " + dst + " is not routable (spec.cni.podRouting: none)",
                    "set spec.cni.podRouting to bgp (or static with Calico) so the pod CIDR is routed, or keep webhooks on cloud nodes (plan's addons/webhook-affinity-patch.yaml)",
                    symptom);
        }
        Step step = t.decidingStep();
        Node node = dataPlane.network().node(last.node()).orElseThrow();
        return switch (t.disposition()) {
            case DENIED_IN, DENIED_OUT -> filtered(step, node, header, o, dst, symptom);
            case NO_ROUTE -> noRoute(step, node, o, dst, symptom);
            case NEIGHBOR_UNREACHABLE -> unanswered(node, o, dst, symptom);
            case NULL_ROUTED -> node.kind() == NodeKind.VPC_ROUTER
                    ? new Explanation("NO_ROUTE_TO_DESTINATION", node.name(), "route table " + node.name().substring(4) + " has no route for " + dst
                    + " to the gateway; the best match sends it off the hybrid path: " + routeOf(last),
                    "add a route for " + dst + " to the TGW/VGW (plan renders it into " + sgArtifact() + ")", symptom)
                    : new Explanation("NULL_ROUTED", node.name(), "a discard route drops " + dst + " at " + node.name() + ": " + routeOf(last),
                    "remove the blackhole route", symptom);
            case LOOP -> new Explanation("ROUTING_LOOP", node.name(), "packets for " + dst + " loop between " + hops(t),
                    "fix the routes of the nodes in the loop so that one of them delivers " + dst, symptom);
            case ACCEPTED -> new Explanation("ACCEPTED", node.name(), "", "", symptom);
        };
    }

    public Explanation explainSession(FlowDefinition def, BgpSession s) {
        String remediation = switch (s.status()) {
            case ASN_MISMATCH -> "make the AS numbers agree: spec.sites[*].router.asn is the router's AS and spec.cni.bgp.asn (or hosts[].overrides.asn) "
                    + "the nodes' (rendered into cni/cilium-bgp.yaml and sites/<site>/router/frr.conf); if the router runs another AS, change the spec or the router";
            case TIMER_MISMATCH -> "use the same holdTimeSeconds / keepaliveTimeSeconds in spec.cni.bgp and spec.sites[*].router (and on the router)";
            case HALF_OPEN -> "add the node as a BGP neighbor on the router (plan renders one per host into sites/<site>/router/frr.conf)";
            case PEER_UNREACHABLE -> "check spec.sites[*].router.address: the node peers with that address on its LAN";
            case ESTABLISHED -> "";
        };
        return new Explanation("BGP_SESSION_DOWN", s.local(), s.status() + ": " + s.detail() + " [" + s.provenance() + "]", remediation,
                def == null ? "" : def.symptom());
    }

    private Explanation filtered(Step step, Node node, Header header, Outcome o, String dst, String symptom) {
        if (!(step instanceof Step.Filtered f)) {
            return new Explanation("DENIED", node.name(), "denied at " + node.name(), "", symptom);
        }
        String src = labels.of(o.sources());
        String how = f.rule().map(r -> "rule '" + r + "' denies").orElse(f.action() == Action.DENY ? "no rule permits" : "denied");
        String what = header + " from " + src + " to " + dst;
        return switch (f.kind()) {
            case SECURITY_GROUP -> new Explanation("SG_RULES_MISMATCH", f.filter(), how + " " + what + " [" + f.provenance() + "]",
                    "add " + (f.direction() == Step.Direction.IN ? "an inbound rule " + header.protocol().name().toLowerCase(java.util.Locale.ROOT) + "/" + header.dstPort() + " from " + src
                            : "an outbound rule " + header.protocol().name().toLowerCase(java.util.Locale.ROOT) + "/" + header.dstPort() + " to " + dst)
                            + " to the cluster security group; plan renders one per remote node/pod CIDR (spec.sites[*].nodeNetworks, podNetworks) into "
                            + sgArtifact() + ": deploy it, or check that podRouting makes the pod CIDR routable", symptom);
            case FIREWALL -> new Explanation("FIREWALL_DENY", f.filter(), how + " " + what + " [" + f.provenance() + "]",
                    "allow " + what + " on the on-prem firewall: sites/" + siteOf(node) + "/firewall/rules.nft (plan renders the rules from spec.sites[*].firewall)",
                    symptom);
            case VPN_SELECTOR -> new Explanation("VPN_SELECTOR_MISMATCH", f.filter(), "no IPsec child SA covers " + src + " -> " + dst + " [" + f.provenance() + "]",
                    "add the missing network to spec.sites[" + siteIndex(node) + "].connection.selectors (onPrem for site networks, cloud for the VPC), or drop "
                            + "explicit selectors so plan derives them (sites/" + siteOf(node) + "/vpn/swanctl.conf)", symptom);
            case HOST_FIREWALL -> new Explanation("HOST_FIREWALL_DENY", f.filter(), how + " " + what + " [" + f.provenance() + "]",
                    "open " + header.protocol().name().toLowerCase(java.util.Locale.ROOT) + "/" + header.dstPort() + " in the host firewall (nftables/ufw/firewalld) of " + node.name(),
                    symptom);
            case NETWORK_ACL -> new Explanation("SUBNET_ACL_RESTRICTION", f.filter(), how + " " + what + " [" + f.provenance() + "]",
                    "allow the flow and its reply (ephemeral ports 1024-65535) in the subnet's network ACL", symptom);
        };
    }

    private Explanation noRoute(Step step, Node node, Outcome o, String dst, String symptom) {
        Ipv4Address target = o.destinations().first();
        if (step instanceof Step.NoRoute nr && !nr.dormant().isEmpty()) {
            return new Explanation("STATIC_ROUTE_INACTIVE", node.name(), "route " + nr.dormant().get(0) + " is configured but its next hop does not resolve ["
                    + nr.dormant().get(0).provenance() + "]", "make the next hop reachable on a connected network, or fix the route's next hop", symptom);
        }
        if (node.kind() == NodeKind.VPC_ROUTER) {
            return new Explanation("NO_ROUTE_TO_DESTINATION", node.name(), "route table " + node.name().substring(node.name().indexOf('/') + 1)
                    + " has no route for " + dst, "add a route for " + dst + " to the TGW/VGW; plan renders one per remote node CIDR (and pod CIDR when podRouting is bgp/static) into "
                    + sgArtifact() + " (spec.sites[*].nodeNetworks, podNetworks)", symptom);
        }
        if (node.kind() == NodeKind.TRANSIT_GATEWAY || node.kind() == NodeKind.VPN_GATEWAY) {
            return new Explanation("TGW_RTB_CANNOT_ROUTE", node.name(), "the gateway's route table has no route for " + dst,
                    "add a static route (or propagation) for " + dst + " to the site's VPN attachment", symptom);
        }
        if (node.kind() == NodeKind.ROUTER) {
            return routerNoRoute(node, target, dst, symptom);
        }
        return new Explanation("NO_ROUTE_TO_DESTINATION", node.name(), node.name() + " has no route for " + dst, "add a route for " + dst + " on " + node.name(), symptom);
    }

    private Explanation routerNoRoute(Node node, Ipv4Address target, String dst, String symptom) {
        String site = siteOf(node);
        HybridModel.SiteNodes siteNodes = model.sites().get(site);
        Optional<HybridModel.HostNodes> owner = podOwners.longestMatch(target).map(io.hybridctl.net.PrefixTrie.Entry::value);
        if (owner.isPresent() && owner.get().host().site().equals(site)) {
            HybridModel.HostNodes h = owner.get();
            if (model.spec().cni().podRouting() == Cni.PodRouting.BGP) {
                Optional<BgpSession> down = dataPlane.bgp().sessions().stream()
                        .filter(s -> s.local().equals(h.node()) && !s.established()).findFirst();
                if (down.isPresent()) {
                    return new Explanation("BGP_SESSION_DOWN", node.name(), "the router has no route for " + dst + " because the BGP session of "
                            + h.host().name() + " is down: " + down.get().status() + " (" + down.get().detail() + ")",
                            explainSession(null, down.get()).remediation(), symptom);
                }
                return new Explanation("BGP_ROUTE_MISSING", node.name(), h.host().name() + " does not announce " + h.podBlock() + " to the router",
                        "check the CNI's BGP advertisement (cni/cilium-bgp.yaml) and the router's accepted prefixes (sites/" + site + "/router/frr.conf)", symptom);
            }
            return new Explanation("ROUTER_ROUTE_MISSING", node.name(), "the router of site " + site + " has no route for " + h.podBlock() + " (pods on " + h.host().name() + ")",
                    "add 'ip route " + h.podBlock() + " " + h.host().address() + "' on the router; plan renders one per host into sites/" + site
                            + "/router/frr.conf from " + h.host().path(), symptom);
        }
        if (siteNodes != null && siteNodes.loadBalancerPrefixes().stream().anyMatch(p -> p.contains(target))) {
            return lbExplanation(siteNodes, node.name(), dst, symptom);
        }
        Optional<Site> other = model.spec().sites().stream().filter(s -> !s.name().equals(site))
                .filter(s -> s.nodeNetworks().stream().anyMatch(p -> p.contains(target)) || s.podNetworks().stream().anyMatch(p -> p.contains(target)))
                .findFirst();
        if (other.isPresent()) {
            return new Explanation("NO_ROUTE_TO_DESTINATION", node.name(), "the router of site " + site + " has no route to " + dst + " in site " + other.get().name()
                    + "; traffic between sites crosses the VPN and the transit gateway",
                    "route the other sites' networks into the connection on the router and include them in the IPsec selectors (spec.sites[" + siteIndex(node)
                            + "].connection.selectors.cloud, sites/" + site + "/vpn/swanctl.conf)", symptom);
        }
        return new Explanation("NO_ROUTE_TO_DESTINATION", node.name(), "the router of site " + site + " has no route for " + dst,
                "route " + dst + " towards the connection (IPsec selectors' cloud side: spec.sites[" + siteIndex(node) + "].connection.selectors.cloud)", symptom);
    }

    private Explanation unanswered(Node node, Outcome o, String dst, String symptom) {
        Ipv4Address target = o.destinations().first();
        for (HybridModel.SiteNodes s : model.sites().values()) {
            if (s.loadBalancerPrefixes().stream().anyMatch(p -> p.contains(target))) {
                return lbExplanation(s, node.name(), dst, symptom);
            }
        }
        return new Explanation("NEIGHBOR_UNREACHABLE", node.name(), "nothing answers for " + dst + " next to " + node.name(),
                "check the address (spec.sites[*].hosts[*].address) and that it lies inside the site's nodeNetworks", symptom);
    }

    private Explanation lbExplanation(HybridModel.SiteNodes s, String component, String dst, String symptom) {
        boolean inside = s.site().loadBalancer().map(lb -> lb.ranges().stream().allMatch(r -> s.site().nodeNetworks().stream().anyMatch(r::within))).orElse(true);
        if (!inside) {
            return new Explanation("LB_RANGE_OUTSIDE_NODE_NETWORK", component, dst + " is outside the node networks of site " + s.site().name()
                    + ", where MetalLB L2 answers ARP", "move " + s.site().path() + ".loadBalancer.ranges inside " + s.site().path()
                    + ".nodeNetworks, or announce the pool over BGP (type ciliumLBIPAM with podRouting bgp); validation DES008", symptom);
        }
        return new Explanation("LB_ADDRESS_NOT_ANNOUNCED", component, "nobody announces " + dst,
                "check the load balancer's advertisement (lb/ artifacts) and the router's accepted prefixes", symptom);
    }

    private Optional<String> overlappingSites(AddressRange range) {
        List<String> sites = model.spec().sites().stream()
                .filter(s -> s.podNetworks().stream().anyMatch(p -> p.overlaps(range)) || s.nodeNetworks().stream().anyMatch(p -> p.overlaps(range)))
                .map(Site::name).toList();
        if (sites.size() < 2) {
            return Optional.empty();
        }
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                if (networksOverlap(sites.get(i), sites.get(j))) {
                    return Optional.of(sites.get(i) + " and " + sites.get(j));
                }
            }
        }
        return Optional.empty();
    }

    private boolean networksOverlap(String a, String b) {
        Site sa = model.sites().get(a).site();
        Site sb = model.sites().get(b).site();
        for (Prefix p : concat(sa)) {
            for (Prefix q : concat(sb)) {
                if (p.overlaps(q)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Prefix> concat(Site s) {
        java.util.ArrayList<Prefix> all = new java.util.ArrayList<>(s.nodeNetworks());
        all.addAll(s.podNetworks());
        return all;
    }

    private String sgArtifact() {
        return model.spec().vpc() instanceof io.hybridctl.spec.model.Vpc.NewVpc ? "cloudformation/new-vpc.yaml" : "cloudformation/existing-vpc.yaml";
    }

    private static String siteOf(Node node) {
        return node.name().substring(node.name().indexOf('/') + 1);
    }

    private int siteIndex(Node node) {
        HybridModel.SiteNodes s = model.sites().get(siteOf(node));
        return s == null ? 0 : s.site().index();
    }

    private static String routeOf(Hop hop) {
        return hop.steps().stream().filter(s -> s instanceof Step.Routed).map(Object::toString).findFirst().orElse("");
    }

    private static String hops(Trace t) {
        return String.join(" -> ", t.hops().stream().map(Hop::node).toList());
    }
}
