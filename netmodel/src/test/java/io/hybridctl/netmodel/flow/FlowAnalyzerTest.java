package io.hybridctl.netmodel.flow;

import static io.hybridctl.netmodel.TestAddresses.ip;
import static io.hybridctl.netmodel.TestAddresses.prefix;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.FilterKind;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlowAnalyzerTest {

    private static final Prefix LAN = prefix("192.168.1.0/24");
    private static final Prefix CLOUD = prefix("10.250.0.0/24");

    /** client -- lan -- gw -- cloud -- server, with a filter on gw's way in. */
    private static Network network(FilterKind kind, List<Rule> rules) {
        Filter f = new Filter("edge", kind, rules, Action.DENY, Provenance.artifact("firewall/rules.nft", 1));
        return new Network(List.of(
                Node.builder("client", NodeKind.HOST).iface(new Interface("eth0", ip("192.168.1.10"), LAN, "lan"))
                        .route(Route.toGateway(prefix("0.0.0.0/0"), ip("192.168.1.1"), Provenance.assumed("default"))).build(),
                Node.builder("gw", NodeKind.FIREWALL)
                        .iface(new Interface("inside", ip("192.168.1.1"), LAN, "lan"))
                        .iface(new Interface("outside", ip("10.250.0.1"), CLOUD, "cloud"))
                        .inbound(f).build(),
                Node.builder("server", NodeKind.CONTROL_PLANE).iface(new Interface("eni", ip("10.250.0.10"), CLOUD, "cloud"))
                        .route(Route.toGateway(prefix("0.0.0.0/0"), ip("10.250.0.1"), Provenance.assumed("default"))).build()));
    }

    private static Rule allow443Both() {
        return new Rule("allow-443", Action.PERMIT, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Set.of(Protocol.TCP), PortRange.of(443), PortRange.ALL, Provenance.artifact("firewall/rules.nft", 12));
    }

    private static Reachability run(Network net, String from, String src, String dst, Header h) {
        return new FlowAnalyzer(DataPlane.compute(net)).analyze(new Query(from, PrefixSet.of(prefix(src + "/32")),
                PrefixSet.of(prefix(dst + "/32")), h));
    }

    @Test
    void anAcceptedFlowHasAHopByHopTraceWithTheMatchingRuleAndItsSource() {
        Reachability r = run(network(FilterKind.FIREWALL, List.of(allow443Both())), "client", "192.168.1.10", "10.250.0.10",
                Header.request(Protocol.TCP, 443));
        Outcome o = r.outcomes().get(0);
        assertThat(o.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(o.trace().hops()).extracting(Hop::node).containsExactly("client", "gw", "server");
        assertThat(o.trace().hops().get(1).steps().get(0).toString()).contains("rule allow-443").contains("firewall/rules.nft:12");
    }

    @Test
    void aDeniedFlowNamesTheFilterAndItsDefault() {
        Reachability r = run(network(FilterKind.FIREWALL, List.of(allow443Both())), "client", "192.168.1.10", "10.250.0.10",
                Header.request(Protocol.TCP, 10250));
        Outcome o = r.outcomes().get(0);
        assertThat(o.disposition()).isEqualTo(Disposition.DENIED_IN);
        assertThat(o.trace().decidingStep()).isInstanceOf(Step.Filtered.class);
        assertThat(((Step.Filtered) o.trace().decidingStep()).rule()).isEmpty();
    }

    @Test
    void aStatefulFilterLetsTheReplyThroughButAStatelessOneChecksIt() {
        Header reply = Header.request(Protocol.TCP, 443).replyTo();
        assertThat(run(network(FilterKind.FIREWALL, List.of(allow443Both())), "server", "10.250.0.10", "192.168.1.10", reply)
                .allAccepted()).isTrue();
        assertThat(run(network(FilterKind.NETWORK_ACL, List.of(allow443Both())), "server", "10.250.0.10", "192.168.1.10", reply)
                .dispositions()).containsExactly(Disposition.DENIED_IN);
    }

    @Test
    void unknownNeighborNoRouteNullRouteAndLoopAreToldApart() {
        List<Node> nodes = new ArrayList<>(network(FilterKind.FIREWALL, List.of()).nodes());
        Node client = Node.builder("client", NodeKind.HOST).iface(new Interface("eth0", ip("192.168.1.10"), LAN, "lan"))
                .route(Route.discard(prefix("172.16.0.0/16"), Provenance.spec("x")))
                .route(Route.toGateway(prefix("10.0.0.0/8"), ip("192.168.1.77"), Provenance.spec("y")))
                .route(Route.toGateway(prefix("172.17.0.0/16"), ip("192.168.1.20"), Provenance.spec("z"))).build();
        Node echo = Node.builder("echo", NodeKind.ROUTER).iface(new Interface("eth0", ip("192.168.1.20"), LAN, "lan"))
                .route(Route.toGateway(prefix("172.17.0.0/16"), ip("192.168.1.10"), Provenance.spec("w"))).build();
        nodes.set(0, client);
        nodes.add(echo);
        FlowAnalyzer a = new FlowAnalyzer(DataPlane.compute(new Network(nodes)));
        Header h = Header.request(Protocol.TCP, 443);
        assertThat(a.analyze(new Query("client", PrefixSet.of(prefix("192.168.1.10/32")), PrefixSet.of(prefix("172.16.0.1/32")), h))
                .dispositions()).containsExactly(Disposition.NULL_ROUTED);
        assertThat(a.analyze(new Query("client", PrefixSet.of(prefix("192.168.1.10/32")), PrefixSet.of(prefix("10.9.0.1/32")), h))
                .dispositions()).containsExactly(Disposition.NEIGHBOR_UNREACHABLE);
        assertThat(a.analyze(new Query("client", PrefixSet.of(prefix("192.168.1.10/32")), PrefixSet.of(prefix("8.8.8.8/32")), h))
                .dispositions()).containsExactly(Disposition.NO_ROUTE);
        assertThat(a.analyze(new Query("client", PrefixSet.of(prefix("192.168.1.10/32")), PrefixSet.of(prefix("172.17.0.1/32")), h))
                .dispositions()).containsExactly(Disposition.LOOP);
    }

    @Test
    void oneQueryOverManyDestinationsSplitsOnlyWhereBehaviourChanges() {
        FlowAnalyzer a = new FlowAnalyzer(DataPlane.compute(network(FilterKind.FIREWALL, List.of(allow443Both()))));
        Reachability wide = a.analyze(new Query("client", PrefixSet.of(prefix("192.168.1.10/32")), PrefixSet.of(CLOUD),
                Header.request(Protocol.TCP, 443)));
        // .0 network, .1 the gateway itself, .2-.9 nobody, .10 the server, .11-.255 nobody
        assertThat(wide.outcomes()).extracting(o -> o.destinations() + " " + o.disposition()).containsExactlyInAnyOrder(
                "10.250.0.0 NEIGHBOR_UNREACHABLE", "10.250.0.1 ACCEPTED", "10.250.0.2-10.250.0.9 NEIGHBOR_UNREACHABLE",
                "10.250.0.10 ACCEPTED", "10.250.0.11-10.250.0.255 NEIGHBOR_UNREACHABLE");
    }
}
