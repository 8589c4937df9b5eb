package io.hybridctl.verify.observed;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.bgp.BgpConfig;
import io.hybridctl.netmodel.bgp.BgpNeighbor;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.FilterKind;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.plan.intent.Direction;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.intent.SecurityGroupRule;
import io.hybridctl.plan.intent.VpcRoute;
import io.hybridctl.spec.model.Site;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.report.VerifyReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observed state from a directory of standard exports (layout and commands in docs/verify.md):
 * aws/route-tables.json, aws/security-groups.json, aws/transit-gateway-routes.json, sites/SITE/frr-routes.json,
 * sites/SITE/bgp-summary.json, sites/SITE/firewall-nft.json, hosts/HOST/nft.json. Every file is optional; each one
 * present replaces the designed part it describes.
 */
public final class ObservedDirectory implements ObservedState {

    private final Path dir;
    private final Optional<List<AwsRouteTables.Table>> routeTables;
    private final Optional<List<AwsSecurityGroups.Permission>> securityGroups;
    private final Optional<List<TransitGatewayRoutes.Route>> gatewayRoutes;
    private final Map<String, List<FrrRoutes.Route>> frrRoutes = new HashMap<>();
    private final Map<String, FrrBgpSummary.Summary> bgpSummaries = new HashMap<>();
    private final Map<String, Path> firewallRulesets = new HashMap<>();
    private final Map<String, Path> hostRulesets = new HashMap<>();

    private ObservedDirectory(Path dir) throws ObservedStateException {
        this.dir = dir;
        Path aws = dir.resolve("aws");
        routeTables = Files.isRegularFile(aws.resolve("route-tables.json")) ? Optional.of(AwsRouteTables.parse(aws.resolve("route-tables.json"))) : Optional.empty();
        securityGroups = Files.isRegularFile(aws.resolve("security-groups.json"))
                ? Optional.of(AwsSecurityGroups.parse(aws.resolve("security-groups.json"))) : Optional.empty();
        gatewayRoutes = Files.isRegularFile(aws.resolve("transit-gateway-routes.json"))
                ? Optional.of(TransitGatewayRoutes.parse(aws.resolve("transit-gateway-routes.json"))) : Optional.empty();
    }

    public static ObservedDirectory load(Path dir, HybridModel model) throws ObservedStateException {
        if (!Files.isDirectory(dir)) {
            throw new ObservedStateException(dir + " is not a directory; --observed takes the directory laid out as docs/verify.md describes");
        }
        ObservedDirectory o = new ObservedDirectory(dir);
        for (String site : model.sites().keySet()) {
            Path s = dir.resolve("sites").resolve(site);
            if (Files.isRegularFile(s.resolve("frr-routes.json"))) {
                o.frrRoutes.put(site, FrrRoutes.parse(s.resolve("frr-routes.json")));
            }
            if (Files.isRegularFile(s.resolve("bgp-summary.json"))) {
                o.bgpSummaries.put(site, FrrBgpSummary.parse(s.resolve("bgp-summary.json")));
            }
            if (Files.isRegularFile(s.resolve("firewall-nft.json"))) {
                o.firewallRulesets.put(site, s.resolve("firewall-nft.json"));
            }
        }
        for (HybridModel.HostNodes h : model.hosts().values()) {
            Path f = dir.resolve("hosts").resolve(h.host().name()).resolve("nft.json");
            if (Files.isRegularFile(f)) {
                o.hostRulesets.put(h.host().name(), f);
            }
        }
        return o;
    }

    @Override
    public Network apply(HybridModel model, List<VerifyReport.Difference> differences) {
        List<Node> replaced = new ArrayList<>();
        try {
            routeTables.ifPresent(t -> routeTables(model, t, replaced, differences));
            securityGroups.ifPresent(p -> securityGroups(model, p, replaced, differences));
            gatewayRoutes.ifPresent(r -> gatewayRoutes(model, r, replaced, differences));
            for (HybridModel.SiteNodes s : model.sites().values()) {
                router(model, s, replaced, differences);
                if (firewallRulesets.containsKey(s.site().name()) && s.firewall().isPresent()) {
                    NftRuleset.Parsed parsed = NftRuleset.parse(firewallRulesets.get(s.site().name()), "forward", FilterKind.FIREWALL);
                    parsed.notes().forEach(n -> differences.add(new VerifyReport.Difference("nft", s.firewall().get(), n)));
                    Node fw = node(model, s.firewall().get());
                    replaced.add(new Node(fw.name(), fw.kind(), fw.interfaces(), fw.local(), fw.staticRoutes(), parsed.filters(), fw.outbound(), fw.bgp(), fw.provenance()));
                }
            }
            for (HybridModel.HostNodes h : model.hosts().values()) {
                if (hostRulesets.containsKey(h.host().name())) {
                    hostFirewall(model, h, replaced, differences);
                }
            }
        } catch (ObservedStateException e) {
            differences.add(new VerifyReport.Difference("observed", dir.toString(), e.getMessage()));
        }
        return model.network().replacing(replaced);
    }

    private static Node node(HybridModel model, String name) {
        return model.network().node(name).orElseThrow();
    }

    private static Node withRoutes(Node n, List<Route> routes) {
        return new Node(n.name(), n.kind(), n.interfaces(), n.local(), routes, n.inbound(), n.outbound(), n.bgp(), n.provenance());
    }

    private static void routeTables(HybridModel model, List<AwsRouteTables.Table> tables, List<Node> replaced, List<VerifyReport.Difference> diffs) {
        String gateway = model.spec().vpc().gateway().map(g -> g.id()).orElse("");
        for (Node n : model.network().nodes()) {
            if (!n.name().startsWith("rtb/")) {
                continue;
            }
            String table = n.name().substring(4);
            Optional<AwsRouteTables.Table> observed = tables.stream().filter(t -> t.named(table)).findFirst();
            if (observed.isEmpty()) {
                diffs.add(new VerifyReport.Difference("describe-route-tables", table, "not in the export (matched by RouteTableId or the aws:cloudformation:logical-id tag); the design is used"));
                continue;
            }
            List<Route> routes = new ArrayList<>(n.staticRoutes().stream().filter(r -> r.provenance().origin() == Provenance.Origin.ASSUMED).toList());
            for (AwsRouteTables.Route r : observed.get().routes()) {
                Provenance p = Provenance.observed("aws/route-tables.json", observed.get().id() + " " + r.destination() + " -> " + r.target());
                if (r.target().equals("local")) {
                    continue;
                }
                if (r.blackhole()) {
                    routes.add(Route.discard(r.destination(), p));
                } else if (r.target().equals(gateway)) {
                    routes.add(Route.out(r.destination(), "gateway", p));
                } else {
                    routes.add(Route.discard(r.destination(), Provenance.observed("aws/route-tables.json", observed.get().id() + " " + r.destination()
                            + " -> " + r.target() + " (a target outside the hybrid path)")));
                }
            }
            for (VpcRoute v : model.intent().vpcRoutes()) {
                if (!v.routeTable().equals(table)) {
                    continue;
                }
                Optional<AwsRouteTables.Route> match = observed.get().routes().stream().filter(r -> r.destination().equals(v.destination())).findFirst();
                if (match.isEmpty()) {
                    diffs.add(new VerifyReport.Difference("describe-route-tables", table, "route " + v.destination() + " -> " + v.target().id() + " is missing"));
                } else if (!match.get().target().equals(v.target().id()) || match.get().blackhole()) {
                    diffs.add(new VerifyReport.Difference("describe-route-tables", table, "route " + v.destination() + " points at " + match.get().target()
                            + (match.get().blackhole() ? " (blackhole)" : "") + " instead of " + v.target().id()));
                }
            }
            replaced.add(withRoutes(n, routes));
        }
    }

    private static void securityGroups(HybridModel model, List<AwsSecurityGroups.Permission> permissions, List<Node> replaced,
                                       List<VerifyReport.Difference> diffs) {
        PrefixSet vpc = PrefixSet.ofPrefixes(model.spec().vpc().cidrs());
        List<Rule> in = new ArrayList<>();
        List<Rule> out = new ArrayList<>();
        for (AwsSecurityGroups.Permission p : permissions) {
            Provenance prov = Provenance.observed("aws/security-groups.json", p.group() + " " + (p.inbound() ? "in " : "out ")
                    + p.protocol().map(Enum::name).orElse("all") + "/" + p.ports() + " " + p.cidr());
            PrefixSet peer = PrefixSet.of(p.cidr());
            String name = p.group() + " " + p.protocol().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).orElse("all") + "/" + p.ports() + " " + p.cidr();
            Rule r = new Rule(name, Action.PERMIT, p.inbound() ? Optional.of(peer) : Optional.empty(), p.inbound() ? Optional.empty() : Optional.of(peer),
                    p.protocol().map(java.util.Set::of).orElse(java.util.Set.of()), p.ports(), PortRange.ALL, prov);
            (p.inbound() ? in : out).add(r);
        }
        Provenance self = Provenance.assumed("the EKS cluster security group admits its own VPC");
        in.add(Rule.permit("vpc", vpc, null, null, PortRange.ALL, self));
        out.add(Rule.permit("vpc", null, vpc, null, PortRange.ALL, self));
        Provenance fp = Provenance.observed("aws/security-groups.json", "");
        Filter inbound = new Filter("observed-sg-inbound", FilterKind.SECURITY_GROUP, in, Action.DENY, fp);
        Filter outbound = new Filter("observed-sg-outbound", FilterKind.SECURITY_GROUP, out, Action.DENY, fp);
        for (Node n : model.network().nodes()) {
            if (n.kind() == NodeKind.CONTROL_PLANE) {
                replaced.add(new Node(n.name(), n.kind(), n.interfaces(), n.local(), n.staticRoutes(), List.of(inbound), List.of(outbound), n.bgp(), n.provenance()));
            }
        }
        for (SecurityGroupRule want : model.intent().securityGroupRules()) {
            boolean wantIn = want.direction() == Direction.INBOUND;
            boolean covered = permissions.stream().anyMatch(p -> p.inbound() == wantIn && p.cidr().contains(want.cidr())
                    && (p.protocol().isEmpty() || p.protocol().get().name().equalsIgnoreCase(want.protocol().id()))
                    && p.ports().contains(want.ports().from()) && p.ports().contains(want.ports().to()));
            if (!covered) {
                diffs.add(new VerifyReport.Difference("describe-security-groups", "cluster security group",
                        "missing " + (wantIn ? "inbound " : "outbound ") + want.protocol().id() + "/" + want.ports() + (wantIn ? " from " : " to ") + want.cidr()
                                + " (" + want.reason() + ")"));
            }
        }
    }

    private static void gatewayRoutes(HybridModel model, List<TransitGatewayRoutes.Route> routes, List<Node> replaced, List<VerifyReport.Difference> diffs) {
        Optional<Node> gw = model.network().nodes().stream().filter(n -> n.name().startsWith("gateway/")).findFirst();
        if (gw.isEmpty()) {
            return;
        }
        Map<String, String> siteOfResource = new HashMap<>();
        for (TransitGatewayRoutes.Route r : routes) {
            if (r.resourceType().equals("vpc")) {
                continue;
            }
            for (HybridModel.SiteNodes s : model.sites().values()) {
                if (networks(s.site()).stream().anyMatch(p -> p.contains(r.destination()))) {
                    siteOfResource.putIfAbsent(r.resourceId(), s.site().name());
                }
            }
        }
        List<Route> out = new ArrayList<>();
        for (TransitGatewayRoutes.Route r : routes) {
            Provenance p = Provenance.observed("aws/transit-gateway-routes.json", r.destination() + " -> " + r.resourceType() + " " + r.resourceId());
            if (r.blackhole()) {
                out.add(Route.discard(r.destination(), p));
            } else if (r.resourceType().equals("vpc")) {
                out.add(Route.out(r.destination(), "vpc", p));
            } else if (siteOfResource.containsKey(r.resourceId())) {
                out.add(Route.out(r.destination(), HybridModel.gatewayInterface(siteOfResource.get(r.resourceId())), p));
            } else {
                diffs.add(new VerifyReport.Difference("search-transit-gateway-routes", r.resourceId(), "attachment " + r.resourceType()
                        + " for " + r.destination() + " leads to no site of the design"));
            }
        }
        for (HybridModel.SiteNodes s : model.sites().values()) {
            List<Prefix> wanted = new ArrayList<>(s.site().nodeNetworks());
            if (model.intent().podsRoutable()) {
                wanted.addAll(s.site().podNetworks());
            }
            for (Prefix p : wanted) {
                boolean present = routes.stream().anyMatch(r -> !r.blackhole() && r.destination().contains(p)
                        && s.site().name().equals(siteOfResource.get(r.resourceId())));
                if (!present) {
                    diffs.add(new VerifyReport.Difference("search-transit-gateway-routes", gw.get().name(), "no active route for " + p + " to site "
                            + s.site().name() + "'s attachment"));
                }
            }
        }
        replaced.add(withRoutes(gw.get(), out));
    }

    private static List<Prefix> networks(Site s) {
        List<Prefix> all = new ArrayList<>(s.nodeNetworks());
        all.addAll(s.podNetworks());
        return all;
    }

    private void router(HybridModel model, HybridModel.SiteNodes s, List<Node> replaced, List<VerifyReport.Difference> diffs) {
        String site = s.site().name();
        if (!frrRoutes.containsKey(site) && !bgpSummaries.containsKey(site)) {
            return;
        }
        Node r = node(model, s.router());
        List<Route> routes = r.staticRoutes();
        Prefix lan = r.iface("lan").orElseThrow().network();
        if (frrRoutes.containsKey(site)) {
            routes = new ArrayList<>();
            for (FrrRoutes.Route fr : frrRoutes.get(site)) {
                if (fr.protocol().equals("connected") || fr.protocol().equals("local")) {
                    continue;
                }
                Provenance p = Provenance.observed("sites/" + site + "/frr-routes.json", fr.protocol() + " " + fr.prefix()
                        + fr.nextHop().map(h -> " via " + h).orElse("") + fr.iface().map(i -> " dev " + i).orElse(""));
                if (fr.blackhole()) {
                    routes.add(Route.discard(fr.prefix(), p));
                } else if (fr.nextHop().isPresent() && lan.contains(fr.nextHop().get())) {
                    routes.add(Route.toGateway(fr.prefix(), fr.nextHop().get(), p));
                } else {
                    routes.add(Route.out(fr.prefix(), "uplink", p));
                }
            }
            for (RouterConfig c : model.intent().routers()) {
                if (c instanceof RouterConfig.StaticRouting st && st.site().equals(site)) {
                    for (var want : st.routes()) {
                        boolean present = frrRoutes.get(site).stream().anyMatch(fr -> fr.prefix().equals(want.destination())
                                && fr.nextHop().map(want.nextHop()::equals).orElse(false));
                        if (!present) {
                            diffs.add(new VerifyReport.Difference("show ip route json", s.router(), "route " + want.destination() + " via " + want.nextHop()
                                    + " (" + want.host() + ") is missing"));
                        }
                    }
                }
            }
        }
        Optional<BgpConfig> bgp = r.bgp();
        if (bgpSummaries.containsKey(site)) {
            FrrBgpSummary.Summary sum = bgpSummaries.get(site);
            List<BgpNeighbor> neighbors = new ArrayList<>();
            Map<Ipv4Address, BgpNeighbor> designed = new HashMap<>();
            r.bgp().ifPresent(b -> b.neighbors().forEach(n -> designed.put(n.peerAddress(), n)));
            for (Map.Entry<Ipv4Address, FrrBgpSummary.Peer> e : sum.peers().entrySet()) {
                BgpNeighbor d = designed.get(e.getKey());
                Optional<BgpSpeaker> speaker = model.intent().bgpSpeakers().stream().filter(b -> b.hostAddress().equals(e.getKey())).findFirst();
                int hold = d != null ? d.holdTimeSeconds() : speaker.map(BgpSpeaker::holdTimeSeconds).orElse(90);
                int keepalive = d != null ? d.keepaliveSeconds() : speaker.map(BgpSpeaker::keepaliveTimeSeconds).orElse(30);
                neighbors.add(new BgpNeighbor(e.getKey(), e.getValue().remoteAs(), hold, keepalive, d != null && d.routeReflectorClient(),
                        Provenance.observed("sites/" + site + "/bgp-summary.json", "peer " + e.getKey() + " remoteAs " + e.getValue().remoteAs()
                                + " state " + e.getValue().state())));
                if (!"Established".equalsIgnoreCase(e.getValue().state())) {
                    diffs.add(new VerifyReport.Difference("show bgp summary json", s.router(), "peer " + e.getKey() + " is " + e.getValue().state()));
                }
            }
            r.bgp().ifPresent(b -> {
                if (b.localAsn() != sum.localAs()) {
                    diffs.add(new VerifyReport.Difference("show bgp summary json", s.router(), "router runs AS " + sum.localAs() + ", the design says " + b.localAsn()));
                }
                b.neighbors().stream().filter(n -> !sum.peers().containsKey(n.peerAddress())).forEach(n ->
                        diffs.add(new VerifyReport.Difference("show bgp summary json", s.router(), "neighbor " + n.peerAddress() + " is not configured")));
            });
            bgp = Optional.of(new BgpConfig(sum.localAs(), neighbors, List.of()));
        }
        replaced.add(new Node(r.name(), r.kind(), r.interfaces(), r.local(), routes, r.inbound(), r.outbound(), bgp, r.provenance()));
    }

    private void hostFirewall(HybridModel model, HybridModel.HostNodes h, List<Node> replaced, List<VerifyReport.Difference> diffs) throws ObservedStateException {
        NftRuleset.Parsed parsed = NftRuleset.parse(hostRulesets.get(h.host().name()), "input", FilterKind.HOST_FIREWALL);
        parsed.notes().forEach(n -> diffs.add(new VerifyReport.Difference("nft", h.node(), n)));
        Node n = node(model, h.node());
        List<Filter> filters = new ArrayList<>();
        for (Filter f : parsed.filters()) {
            List<Rule> rules = new ArrayList<>();
            // The input hook sees only packets for the host's own address: pod traffic and Services (DNAT to pods) are forwarded.
            PrefixSet others = PrefixSet.ofRanges(List.of(new io.hybridctl.net.AddressRange(Ipv4Address.of(0), Ipv4Address.of(0xFFFF_FFFFL))))
                    .minus(PrefixSet.of(Prefix.containing(h.host().address(), 32)));
            rules.add(Rule.permit("not for the host itself", null, others, null, PortRange.ALL,
                    Provenance.assumed("the input hook filters only traffic for the host's own address")));
            rules.addAll(f.rules());
            filters.add(new Filter(f.name(), f.kind(), rules, f.defaultAction(), f.provenance()));
        }
        replaced.add(new Node(n.name(), n.kind(), n.interfaces(), n.local(), n.staticRoutes(), filters, n.outbound(), n.bgp(), n.provenance()));
    }
}
