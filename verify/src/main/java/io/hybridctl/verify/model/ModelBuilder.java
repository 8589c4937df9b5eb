package io.hybridctl.verify.model;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.bgp.BgpConfig;
import io.hybridctl.netmodel.bgp.BgpNeighbor;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.FilterKind;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.plan.intent.FirewallRule;
import io.hybridctl.plan.intent.IpsecSelectors;
import io.hybridctl.plan.intent.LoadBalancerPool;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.Peer;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.intent.SecurityGroupRule;
import io.hybridctl.plan.intent.VpcRoute;
import io.hybridctl.plan.intent.Direction;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the network model of a design from plan's {@link NetworkIntent}: every route, rule, selector and BGP session
 * in the model is one plan renders, with its provenance. What neither the spec nor plan describes (the TGW route
 * table's propagated routes, a host's default gateway, the VPC's local route) is added with an ASSUMED provenance
 * that says so. Works on invalid specs too: whatever is missing or contradictory shows up as a failing flow.
 *
 * Shape: control-plane ENI -- route table -- gateway (TGW/VGW) -- VPN tunnel (selectors) -- firewall -- router --
 * LAN -- host -- pod block; one ENI, route table, cloud node and CoreDNS replica per private route table.
 */
public final class ModelBuilder {

    private static final Prefix ANY = new Prefix(0, 0);

    // The design being built, so that provenance can name sites (set by build; one builder builds one model at a time).
    private HybridCluster spec;

    public HybridModel build(HybridCluster spec, NetworkIntent intent) {
        this.spec = spec;
        List<Node> nodes = new ArrayList<>();
        Prefix vpcCidr = spec.vpc().cidrs().isEmpty() ? Prefix.containing(Ipv4Address.of(0x0AFA_0000L), 16) : spec.vpc().cidrs().get(0);
        ModelAddresses plan = new ModelAddresses(vpcCidr);
        Optional<Vpc.Gateway> gateway = spec.vpc().gateway();
        String gatewayNode = "gateway/" + gateway.map(Vpc.Gateway::id).orElse("none");
        Node.Builder gw = Node.builder(gatewayNode, gateway.map(g -> g.isTransitGateway() ? NodeKind.TRANSIT_GATEWAY : NodeKind.VPN_GATEWAY)
                .orElse(NodeKind.VPN_GATEWAY)).provenance(Provenance.spec("spec.vpc.vpcGatewayID"));

        List<HybridModel.Endpoint> enis = new ArrayList<>();
        List<HybridModel.Endpoint> cloudPods = new ArrayList<>();
        List<HybridModel.Endpoint> coreDns = new ArrayList<>();
        buildVpc(spec, intent, plan, gw, gatewayNode, nodes, enis, cloudPods, coreDns);

        Map<String, HybridModel.HostNodes> hosts = new LinkedHashMap<>();
        Map<String, HybridModel.SiteNodes> sites = new LinkedHashMap<>();
        BySite bySite = new BySite(intent);
        for (Site site : spec.sites()) {
            buildSite(spec, intent, bySite, site, gw, nodes, hosts, sites);
        }
        nodes.add(gw.build());
        return new HybridModel(spec, intent, new Network(nodes), enis, cloudPods, coreDns, hosts, sites);
    }

    private void buildVpc(HybridCluster spec, NetworkIntent intent, ModelAddresses plan, Node.Builder gw, String gatewayNode,
                          List<Node> nodes, List<HybridModel.Endpoint> enis, List<HybridModel.Endpoint> cloudPods,
                          List<HybridModel.Endpoint> coreDns) {
        Prefix core = plan.core();
        Prefix vpcLink = ModelAddresses.cloudLink(255);
        Node.Builder vpcRouter = Node.builder("vpc", NodeKind.VPC_ROUTER).provenance(Provenance.spec("spec.vpc"))
                .iface(new Interface("core", ModelAddresses.at(core, 200), core, "vpc-core"))
                .iface(new Interface("gateway", ModelAddresses.at(vpcLink, 1), vpcLink, "vpc-gateway"));
        gw.iface(new Interface("vpc", ModelAddresses.at(vpcLink, 2), vpcLink, "vpc-gateway"));
        for (Prefix cidr : intent.vpcCidrs()) {
            gw.route(Route.out(cidr, "vpc", Provenance.assumed("the gateway's route table sends the VPC CIDR to the VPC attachment")));
        }
        List<String> tables = intent.routeTables();
        if (tables.isEmpty()) {
            tables = List.of("main");
        }
        Filter sgIn = securityGroup(spec, intent, Direction.INBOUND);
        Filter sgOut = securityGroup(spec, intent, Direction.OUTBOUND);
        for (int i = 0; i < tables.size(); i++) {
            String table = tables.get(i);
            Prefix subnet = plan.subnet(i);
            Prefix link = ModelAddresses.cloudLink(i);
            String segment = "subnet-" + table;
            Node.Builder rtb = Node.builder(HybridModel.routeTableNode(table), NodeKind.VPC_ROUTER)
                    .provenance(Provenance.spec("spec.vpc"))
                    .iface(new Interface("subnet", ModelAddresses.at(subnet, 1), subnet, segment))
                    .iface(new Interface("core", ModelAddresses.at(core, 1 + i), core, "vpc-core"))
                    .iface(new Interface("gateway", ModelAddresses.at(link, 1), link, "rtb-gateway-" + i));
            for (Prefix cidr : intent.vpcCidrs()) {
                rtb.route(Route.toGateway(cidr, ModelAddresses.at(core, 200), Provenance.assumed("the VPC's local route")));
            }
            for (VpcRoute r : intent.vpcRoutes()) {
                if (r.routeTable().equals(table)) {
                    rtb.route(Route.out(r.destination(), "gateway", named(r.provenance())));
                }
            }
            nodes.add(rtb.build());
            gw.iface(new Interface("rtb" + i, ModelAddresses.at(link, 2), link, "rtb-gateway-" + i));
            vpcRouter.route(Route.toGateway(subnet, ModelAddresses.at(core, 1 + i), Provenance.assumed("the VPC's local route")));

            Ipv4Address eniAddress = ModelAddresses.at(subnet, 10);
            String eni = "eni/" + table;
            nodes.add(Node.builder(eni, NodeKind.CONTROL_PLANE).provenance(Provenance.assumed("EKS cluster ENI in a subnet of " + table))
                    .iface(new Interface("eni", eniAddress, subnet, segment))
                    .route(Route.toGateway(ANY, ModelAddresses.at(subnet, 1), Provenance.assumed("subnet default route via route table " + table)))
                    .inbound(sgIn).outbound(sgOut).build());
            enis.add(new HybridModel.Endpoint(eni, eniAddress, "API server ENI (" + table + ")"));

            Ipv4Address nodeAddress = ModelAddresses.at(subnet, 20);
            Ipv4Address podAddress = ModelAddresses.at(subnet, 30);
            Ipv4Address dnsAddress = ModelAddresses.at(subnet, 53);
            String cloudNode = "cloud-node/" + table;
            nodes.add(Node.builder(cloudNode, NodeKind.CLOUD_NODE).provenance(Provenance.assumed("a cloud node with VPC CNI pods and a CoreDNS replica"))
                    .iface(new Interface("eth0", nodeAddress, subnet, segment))
                    .local(Route.local(Prefix.containing(podAddress, 32), Provenance.assumed("a VPC CNI pod")))
                    .local(Route.local(Prefix.containing(dnsAddress, 32), Provenance.assumed("a CoreDNS replica on a cloud node")))
                    .route(Route.toGateway(ANY, ModelAddresses.at(subnet, 1), Provenance.assumed("subnet default route via route table " + table)))
                    .build());
            cloudPods.add(new HybridModel.Endpoint(cloudNode, podAddress, "cloud pod (" + table + ")"));
            coreDns.add(new HybridModel.Endpoint(cloudNode, dnsAddress, "CoreDNS (" + table + ")"));
        }
        nodes.add(vpcRouter.build());
    }

    /** The additional cluster security group: plan's rules, plus the cluster's own VPC (EKS lets its nodes in). */
    private Filter securityGroup(HybridCluster spec, NetworkIntent intent, Direction direction) {
        List<Rule> rules = new ArrayList<>();
        PrefixSet vpc = PrefixSet.ofPrefixes(intent.vpcCidrs());
        for (SecurityGroupRule r : intent.securityGroupRules()) {
            if (r.direction() != direction) {
                continue;
            }
            PrefixSet peer = PrefixSet.of(r.cidr());
            Protocol protocol = r.protocol();
            PortRange ports = r.ports();
            String name = direction.name().toLowerCase(java.util.Locale.ROOT) + " " + r.protocol().id() + "/" + r.ports() + " " + r.cidr();
            rules.add(direction == Direction.INBOUND
                    ? Rule.permit(name, peer, null, protocol, ports, named(r.provenance()))
                    : Rule.permit(name, null, peer, protocol, ports, named(r.provenance())));
        }
        Provenance vpcRule = Provenance.assumed("the EKS cluster security group admits its own VPC");
        rules.add(direction == Direction.INBOUND ? Rule.permit("vpc", vpc, null, null, PortRange.ALL, vpcRule)
                : Rule.permit("vpc", null, vpc, null, PortRange.ALL, vpcRule));
        String artifact = spec.vpc() instanceof Vpc.NewVpc ? "cloudformation/new-vpc.yaml" : "cloudformation/existing-vpc.yaml";
        return new Filter("cluster-sg-" + direction.name().toLowerCase(java.util.Locale.ROOT), FilterKind.SECURITY_GROUP, rules, Action.DENY,
                Provenance.of("spec.sites[*]", artifact));
    }

    /** plan's per-site parts, indexed once so that building stays linear in sites and hosts. */
    private static final class BySite {
        final Map<String, LoadBalancerPool> pools = new HashMap<>();
        final Map<String, IpsecSelectors> ipsec = new HashMap<>();
        final Map<String, RouterConfig> routers = new HashMap<>();
        final Map<String, List<FirewallRule>> firewall = new HashMap<>();
        final Map<String, List<BgpSpeaker>> speakers = new HashMap<>();

        BySite(NetworkIntent intent) {
            intent.loadBalancerPools().forEach(p -> pools.putIfAbsent(p.site(), p));
            intent.ipsec().forEach(i -> ipsec.putIfAbsent(i.site(), i));
            intent.routers().forEach(r -> routers.putIfAbsent(r.site(), r));
            intent.firewallRules().forEach(f -> firewall.computeIfAbsent(f.site(), k -> new ArrayList<>()).add(f));
            intent.bgpSpeakers().forEach(b -> speakers.computeIfAbsent(b.site(), k -> new ArrayList<>()).add(b));
        }
    }

    private void buildSite(HybridCluster spec, NetworkIntent intent, BySite bySite, Site site, Node.Builder gw, List<Node> nodes,
                           Map<String, HybridModel.HostNodes> hosts, Map<String, HybridModel.SiteNodes> sites) {
        int s = site.index();
        boolean vpn = site.connection().type() == Site.ConnectionType.VPN;
        List<Prefix> siteNets = new ArrayList<>(site.nodeNetworks());
        if (intent.podsRoutable()) {
            siteNets.addAll(site.podNetworks());
        }
        List<Prefix> lbPrefixes = new ArrayList<>();
        Optional<LoadBalancerPool> pool = Optional.ofNullable(bySite.pools.get(site.name()));
        pool.ifPresent(p -> p.ranges().forEach(r -> lbPrefixes.addAll(r.toPrefixes())));
        List<Prefix> reachableNets = new ArrayList<>(siteNets);
        reachableNets.addAll(lbPrefixes);

        // Gateway <-> tunnel (VPN with selectors, or Direct Connect).
        String tunnel = HybridModel.tunnelNode(site.name(), vpn);
        Prefix l0 = ModelAddresses.siteLink(s, 0);
        Prefix l1 = ModelAddresses.siteLink(s, 1);
        Prefix l2 = ModelAddresses.siteLink(s, 2);
        gw.iface(new Interface(HybridModel.gatewayInterface(site.name()), ModelAddresses.at(l0, 1), l0, "att-" + s));
        Provenance attachment = Provenance.assumed("the " + (vpn ? "VPN" : "Direct Connect") + " attachment of site " + site.name()
                + " carries its networks (static routes or BGP on the gateway's route table)");
        for (Prefix p : siteNets) {
            gw.route(Route.out(p, HybridModel.gatewayInterface(site.name()), attachment));
        }
        Node.Builder t = Node.builder(tunnel, vpn ? NodeKind.VPN_TUNNEL : NodeKind.VPN_GATEWAY)
                .provenance(siteSpec(site, ".connection"))
                .iface(new Interface("cloud", ModelAddresses.at(l0, 2), l0, "att-" + s))
                .iface(new Interface("site", ModelAddresses.at(l1, 1), l1, "tun-" + s));
        for (Prefix p : reachableNets) {
            t.route(Route.out(p, "site", Provenance.assumed("the on-prem end of the connection leads to site " + site.name())));
        }
        t.route(Route.out(ANY, "cloud", Provenance.assumed("everything else goes to AWS")));
        Optional<IpsecSelectors> selectors = Optional.ofNullable(bySite.ipsec.get(site.name()));
        if (vpn && selectors.isPresent()) {
            t.inbound(selectorFilter(selectors.get()));
        }
        nodes.add(t.build());

        // Firewall between the connection and the router, when the site has one.
        Optional<String> firewallName = Optional.empty();
        Prefix routerUplink = l1;
        String routerUplinkSegment = "tun-" + s;
        if (site.firewall()) {
            String fw = HybridModel.firewallNode(site.name());
            firewallName = Optional.of(fw);
            Node.Builder f = Node.builder(fw, NodeKind.FIREWALL).provenance(siteSpec(site, ".firewall"))
                    .iface(new Interface("outside", ModelAddresses.at(l1, 2), l1, "tun-" + s))
                    .iface(new Interface("inside", ModelAddresses.at(l2, 1), l2, "fw-" + s));
            for (Prefix p : reachableNets) {
                f.route(Route.out(p, "inside", Provenance.assumed("the firewall's inside leads to site " + site.name())));
            }
            f.route(Route.out(ANY, "outside", Provenance.assumed("the firewall's outside leads to the connection")));
            f.inbound(firewallFilter(site, bySite.firewall.getOrDefault(site.name(), List.of())));
            nodes.add(f.build());
            routerUplink = l2;
            routerUplinkSegment = "fw-" + s;
        }

        // Router.
        Optional<RouterConfig> config = Optional.ofNullable(bySite.routers.get(site.name()));
        boolean assumedRouter = site.router().isEmpty();
        Ipv4Address routerAddress = site.router().map(Site.Router::address).orElseGet(() -> assumedGatewayAddress(site));
        String router = HybridModel.routerNode(site.name());
        Node.Builder r = Node.builder(router, NodeKind.ROUTER)
                .provenance(assumedRouter ? Provenance.assumed("site " + site.name() + " has no router in the spec; its default gateway")
                        : siteSpec(site, ".router"))
                .iface(new Interface("lan", routerAddress, lanOf(site, routerAddress), "lan-" + s))
                .iface(new Interface("uplink", ModelAddresses.at(routerUplink, 2), routerUplink, routerUplinkSegment));
        if (vpn && selectors.isPresent()) {
            Provenance p = named(selectors.get().provenance());
            for (IpsecSelectors.Child child : selectors.get().children()) {
                for (Prefix remote : child.remote()) {
                    r.route(Route.out(remote, "uplink", p.detailed(" (child " + child.name() + ": policy-based IPsec captures " + remote + ")")));
                }
            }
        } else {
            for (Prefix cidr : config.map(RouterConfig::upstreamCidrs).orElse(intent.vpcCidrs())) {
                r.route(Route.out(cidr, "uplink", config.isPresent() ? siteSpec(site, ".router")
                        : Provenance.assumed("the site router sends the VPC to the connection")));
            }
        }
        config.ifPresent(c -> configureRouting(c, r));
        nodes.add(r.build());

        // Hosts and their pod blocks.
        Map<String, BgpSpeaker> speakers = new HashMap<>();
        bySite.speakers.getOrDefault(site.name(), List.of()).forEach(b -> speakers.put(b.host(), b));
        boolean firstHost = true;
        for (Host h : site.hosts()) {
            String name = hosts.containsKey(h.name()) ? h.name() + "#" + h.siteIndex() + "." + h.index() : h.name();
            Prefix block = intent.allocations().find(h.name()).map(b -> b.block()).orElse(null);
            String hostNode = HybridModel.hostNode(name);
            String podNode = HybridModel.podNode(name);
            Provenance hp = Provenance.spec(h.path());
            Node.Builder hb = Node.builder(hostNode, NodeKind.HOST).provenance(hp)
                    .iface(new Interface("eth0", h.address(), lanOf(site, h.address()), "lan-" + s))
                    .route(Route.toGateway(ANY, routerAddress, Provenance.assumed("the host's default gateway is the site router " + routerAddress)));
            if (block != null) {
                hb.iface(new Interface("cni", block.first(), block, "cni-" + name));
                nodes.add(Node.builder(podNode, NodeKind.POD_BLOCK).provenance(Provenance.spec(h.path() + " (pod block " + block + ")"))
                        .iface(new Interface("eth0", Ipv4Address.of(block.network() + 1), block, "cni-" + name))
                        .local(Route.local(block, Provenance.spec(h.path() + " (pod block " + block + ")")))
                        .route(Route.out(ANY, "eth0", Provenance.assumed("pods route via the CNI on their host")))
                        .build());
            }
            BgpSpeaker speaker = speakers.get(h.name());
            if (speaker != null) {
                Provenance sp = named(speaker.provenance());
                List<BgpConfig.Advertisement> ads = speaker.advertised().stream().map(p -> new BgpConfig.Advertisement(p, sp)).toList();
                hb.bgp(new BgpConfig(speaker.localAsn(), List.of(new BgpNeighbor(speaker.peerAddress(), speaker.peerAsn(),
                        speaker.holdTimeSeconds(), speaker.keepaliveTimeSeconds(), false, sp)), ads));
            }
            if (pool.isPresent() && (pool.get().advertisement() == LoadBalancerPool.Advertisement.BGP || firstHost)) {
                Provenance lp = named(pool.get().provenance());
                lbPrefixes.forEach(p -> hb.local(Route.local(p, lp)));
            }
            firstHost = false;
            nodes.add(hb.build());
            hosts.put(name, new HybridModel.HostNodes(h, hostNode, podNode, block));
        }
        sites.put(site.name(), new HybridModel.SiteNodes(site, router, routerAddress, assumedRouter, firewallName, tunnel, List.copyOf(lbPrefixes)));
    }

    private void configureRouting(RouterConfig config, Node.Builder r) {
        switch (config) {
            case RouterConfig.StaticRouting st -> st.routes().forEach(sr ->
                    r.route(Route.toGateway(sr.destination(), sr.nextHop(), named(sr.provenance()))));
            case RouterConfig.BgpRouting b -> r.bgp(new BgpConfig(b.localAsn(), b.neighbors().stream()
                    .map(n -> new BgpNeighbor(n.address(), n.remoteAsn(), n.holdTimeSeconds(), n.keepaliveTimeSeconds(),
                            n.routeReflectorClient(), named(n.provenance())))
                    .toList(), List.of()));
        }
    }

    /** The node network holding the address, or the address alone when it is outside all of them (DES001). */
    private static Prefix lanOf(Site site, Ipv4Address address) {
        return site.nodeNetworks().stream().filter(n -> n.contains(address)).findFirst().orElse(Prefix.containing(address, 32));
    }

    private static Ipv4Address assumedGatewayAddress(Site site) {
        if (site.nodeNetworks().isEmpty()) {
            return Ipv4Address.of(0x0A00_0001L);
        }
        Prefix lan = site.nodeNetworks().get(0);
        Set<Ipv4Address> taken = new java.util.HashSet<>();
        site.hosts().forEach(h -> taken.add(h.address()));
        for (long a = lan.network() + 1; a < lan.lastValue(); a++) {
            if (!taken.contains(Ipv4Address.of(a))) {
                return Ipv4Address.of(a);
            }
        }
        return lan.first();
    }

    /** Phase-2 selectors: a packet passes only when it matches a child in one direction or the other. */
    private Filter selectorFilter(IpsecSelectors ipsec) {
        Provenance p = named(ipsec.provenance());
        List<Rule> rules = new ArrayList<>();
        for (IpsecSelectors.Child c : ipsec.children()) {
            PrefixSet local = PrefixSet.ofPrefixes(c.local());
            PrefixSet remote = PrefixSet.ofPrefixes(c.remote());
            rules.add(Rule.permit("child " + c.name() + " outbound " + c.local() + " -> " + c.remote(), local, remote, null, PortRange.ALL, p));
            rules.add(Rule.permit("child " + c.name() + " inbound " + c.remote() + " -> " + c.local(), remote, local, null, PortRange.ALL, p));
        }
        return new Filter("ipsec-" + ipsec.site(), FilterKind.VPN_SELECTOR, rules, Action.DENY, p);
    }

    /** The on-prem firewall: plan's rules in order (endpoint rules name hosts outside the model and are skipped). */
    private Filter firewallFilter(Site site, List<FirewallRule> rules) {
        List<Rule> out = new ArrayList<>();
        Provenance fp = siteSpec(site, ".firewall");
        for (FirewallRule r : rules) {
            if (!(r.source() instanceof Peer.Cidrs src) || !(r.destination() instanceof Peer.Cidrs dst)) {
                continue;
            }
            Protocol protocol = r.protocol();
            PortRange ports = protocol == Protocol.ICMP ? PortRange.ALL : r.ports();
            String name = r.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + r.protocol().id() + "/" + r.ports() + " "
                    + src.label() + " -> " + dst.label();
            out.add(Rule.permit(name, PrefixSet.ofPrefixes(src.prefixes()), PrefixSet.ofPrefixes(dst.prefixes()), protocol, ports,
                    named(r.provenance())));
            fp = named(r.provenance());
        }
        return new Filter("firewall-" + site.name(), FilterKind.FIREWALL, out, Action.DENY, fp);
    }

    private static final Pattern SITE = Pattern.compile("^spec\\.sites\\[(\\d+)]");

    /** "spec.sites[1].router -> ..." gains "(site edge-west)": people know their sites by name, not by index. */
    private Provenance named(Provenance p) {
        Matcher m = SITE.matcher(p.where());
        if (!m.find()) {
            return p;
        }
        int index = Integer.parseInt(m.group(1));
        if (index >= spec.sites().size()) {
            return p;
        }
        String site = " (site " + spec.sites().get(index).name() + ")";
        int arrow = p.where().indexOf(" -> ");
        String where = arrow < 0 ? p.where() + site : p.where().substring(0, arrow) + site + p.where().substring(arrow);
        return new Provenance(p.origin(), where, p.artifact(), p.line());
    }

    /** A spec path inside a site, with the site's name. */
    private static Provenance siteSpec(Site site, String key) {
        return Provenance.spec(site.path() + key + " (site " + site.name() + ")");
    }
}
