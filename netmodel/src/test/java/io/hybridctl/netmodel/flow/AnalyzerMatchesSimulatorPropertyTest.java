package io.hybridctl.netmodel.flow;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small networks inside 10.0.0.0/24: the analyser, which follows address sets, must give every single packet
 * the disposition the packet-by-packet simulator gives it, and its outcomes must cover the destinations exactly once.
 */
class AnalyzerMatchesSimulatorPropertyTest {

    private static final long BASE = 0x0A00_0000L; // 10.0.0.0
    private static final Prefix UNIVERSE = new Prefix(BASE, 24);
    private static final Provenance P = Provenance.assumed("generated");

    record Scenario(Network network, String source, Ipv4Address sourceAddress, List<Ipv4Address> otherAddresses, Header header, PrefixSet destinations) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("from " + source + " " + sourceAddress + " " + header + "\n");
            for (Node n : network.nodes()) {
                b.append("  ").append(n.name()).append(' ').append(n.interfaces()).append(" local=").append(n.local())
                        .append(" routes=").append(n.staticRoutes()).append(" in=").append(n.inbound()).append(" out=").append(n.outbound()).append('\n');
            }
            return b.toString();
        }
    }

    @Property(tries = 300)
    void everyPacketGetsTheSimulatorsDisposition(@ForAll("scenarios") Scenario s) {
        FlowAnalyzer analyzer = new FlowAnalyzer(DataPlane.compute(s.network()));
        PacketSimulator simulator = new PacketSimulator(s.network());
        // Several sources and headers on one analyser: later flows reuse memoised subtrees only where the filters
        // treat them alike.
        check(analyzer, simulator, s, s.sourceAddress(), s.header());
        for (Header h : List.of(s.header(), Header.request(Protocol.TCP, 443), Header.request(Protocol.TCP, 443).replyTo(),
                Header.request(Protocol.UDP, 53))) {
            for (Ipv4Address src : s.otherAddresses()) {
                check(analyzer, simulator, s, src, h);
            }
        }
    }

    private static void check(FlowAnalyzer analyzer, PacketSimulator simulator, Scenario s, Ipv4Address source, Header header) {
        Reachability result = analyzer.analyze(new Query(s.source(), PrefixSet.of(Prefix.containing(source, 32)),
                s.destinations(), header));

        Disposition[] byAddress = new Disposition[256];
        for (Outcome o : result.outcomes()) {
            for (long a = o.destinations().first().value(); a <= o.destinations().last().value(); a++) {
                assertThat(byAddress[(int) (a - BASE)]).as("%s covered twice", Ipv4Address.of(a)).isNull();
                byAddress[(int) (a - BASE)] = o.disposition();
            }
        }
        for (int i = 0; i < 256; i++) {
            Ipv4Address dst = Ipv4Address.of(BASE + i);
            if (!s.destinations().contains(dst)) {
                assertThat(byAddress[i]).as("%s was not asked for", dst).isNull();
                continue;
            }
            assertThat(byAddress[i]).as("disposition of %s from %s (%s)", dst, source, header)
                    .isEqualTo(simulator.send(s.source(), source, dst, header));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 6)).as(this::scenario);
    }

    private Scenario scenario(long seed, int nodeCount) {
        Random r = new Random(seed);
        int segmentCount = 1 + r.nextInt(4);
        List<Prefix> segments = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
            segments.add(new Prefix(BASE + 16L * s, 28));
        }
        Set<Long> used = new HashSet<>();
        List<Node.Builder> builders = new ArrayList<>();
        List<List<String>> ifaceNames = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            Node.Builder b = Node.builder("n" + n, NodeKind.ROUTER);
            List<String> names = new ArrayList<>();
            int ifaces = 1 + r.nextInt(2);
            for (int k = 0; k < ifaces; k++) {
                Prefix seg = segments.get(r.nextInt(segmentCount));
                long addr;
                do {
                    addr = seg.network() + 1 + r.nextInt(14);
                } while (!used.add(addr));
                b.iface(new Interface("eth" + k, Ipv4Address.of(addr), seg, "seg" + (seg.network() - BASE) / 16));
                names.add("eth" + k);
            }
            if (r.nextInt(3) == 0) {
                b.local(Route.local(new Prefix(BASE + 128 + 8L * r.nextInt(16), 29), P));
            }
            int routes = r.nextInt(4);
            for (int k = 0; k < routes; k++) {
                Prefix p = randomPrefix(r);
                switch (r.nextInt(5)) {
                    case 0 -> b.route(Route.discard(p, P));
                    case 1 -> b.route(Route.out(p, names.get(r.nextInt(names.size())), P));
                    default -> b.route(Route.toGateway(p, Ipv4Address.of(BASE + r.nextInt(256)), P));
                }
            }
            if (r.nextInt(2) == 0) {
                b.inbound(randomFilter(r, "in" + n));
            }
            if (r.nextInt(3) == 0) {
                b.outbound(randomFilter(r, "out" + n));
            }
            builders.add(b);
            ifaceNames.add(names);
        }
        List<Node> nodes = builders.stream().map(Node.Builder::build).toList();
        Header header = switch (r.nextInt(4)) {
            case 0 -> Header.request(Protocol.TCP, 443);
            case 1 -> Header.request(Protocol.UDP, 53);
            case 2 -> Header.request(Protocol.TCP, 443).replyTo();
            default -> Header.request(Protocol.TCP, 10250);
        };
        int source = r.nextInt(nodeCount);
        Ipv4Address src = r.nextBoolean() ? nodes.get(source).interfaces().get(0).address() : Ipv4Address.of(BASE + r.nextInt(256));
        // Half the queries ask for a set of many separate runs, which the analyser cuts region by region.
        PrefixSet destinations = PrefixSet.of(UNIVERSE);
        if (r.nextBoolean()) {
            List<Prefix> holes = new ArrayList<>();
            for (int k = 0; k < 12 + r.nextInt(20); k++) {
                holes.add(Prefix.containing(Ipv4Address.of(BASE + r.nextInt(256)), 30 + r.nextInt(3)));
            }
            destinations = destinations.minus(PrefixSet.ofPrefixes(holes));
        }
        List<Ipv4Address> others = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            others.add(Ipv4Address.of(BASE + r.nextInt(256)));
        }
        return new Scenario(new Network(nodes), "n" + source, src, others, header, destinations);
    }

    private static Prefix randomPrefix(Random r) {
        if (r.nextInt(6) == 0) {
            return new Prefix(0, 0);
        }
        int length = 24 + r.nextInt(7);
        return Prefix.containing(Ipv4Address.of(BASE + r.nextInt(256)), length);
    }

    private static Filter randomFilter(Random r, String name) {
        List<Rule> rules = new ArrayList<>();
        int count = r.nextInt(4);
        for (int k = 0; k < count; k++) {
            Optional<PrefixSet> src = r.nextBoolean() ? Optional.empty() : Optional.of(PrefixSet.of(randomPrefix(r)));
            Optional<PrefixSet> dst = r.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(r.nextBoolean() ? PrefixSet.of(randomPrefix(r)) : PrefixSet.of(randomPrefix(r), randomPrefix(r)));
            Set<Protocol> protocols = r.nextBoolean() ? Set.of() : Set.of(r.nextBoolean() ? Protocol.TCP : Protocol.UDP);
            PortRange ports = switch (r.nextInt(3)) {
                case 0 -> PortRange.ALL;
                case 1 -> PortRange.of(443);
                default -> new PortRange(1024, 65535);
            };
            rules.add(new Rule(name + "-r" + k, r.nextBoolean() ? Action.PERMIT : Action.DENY, src, dst, protocols, ports, PortRange.ALL, P));
        }
        FilterKind kind = FilterKind.values()[r.nextInt(FilterKind.values().length)];
        return new Filter(name, kind, rules, r.nextBoolean() ? Action.PERMIT : Action.DENY, P);
    }
}
