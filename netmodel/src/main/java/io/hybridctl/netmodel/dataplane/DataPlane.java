package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixTrie;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.bgp.BgpRoute;
import io.hybridctl.netmodel.route.NextHop;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The computed forwarding state of a network: connected and local routes, the BGP fixed point, then every static
 * route whose next hop resolves (Batfish's StaticRouteHelper rule), installed by administrative distance.
 */
public final class DataPlane {

    private final Network network;
    private final Segments segments;
    private final List<ForwardingTable> tables;
    private final List<List<Route>> inactive;
    private final BgpFixedPoint.Result bgp;

    private DataPlane(Network network, Segments segments, List<ForwardingTable> tables, List<List<Route>> inactive,
                      BgpFixedPoint.Result bgp) {
        this.network = network;
        this.segments = segments;
        this.tables = tables;
        this.inactive = inactive;
        this.bgp = bgp;
    }

    public static DataPlane compute(Network network) {
        Segments segments = new Segments(network);
        BgpFixedPoint.Result bgp = BgpFixedPoint.run(network,
                (segment, address) -> segments.owner(segment, address).map(Segments.Attachment::node));
        // Each node's table depends only on its own configuration and the (finished) BGP result: built in parallel.
        ForwardingTable[] tables = new ForwardingTable[network.size()];
        @SuppressWarnings("unchecked")
        List<Route>[] inactive = new List[network.size()];
        java.util.stream.IntStream.range(0, network.size()).parallel().forEach(i -> {
            Node node = network.node(i);
            List<Route> dormant = new ArrayList<>();
            tables[i] = install(node, bgp.routesOf(node.name()), dormant);
            inactive[i] = List.copyOf(dormant);
        });
        return new DataPlane(network, segments, List.of(tables), List.of(inactive), bgp);
    }

    public Network network() {
        return network;
    }

    public Segments segments() {
        return segments;
    }

    public ForwardingTable table(int node) {
        return tables.get(node);
    }

    /** Configured routes that were not installed because their next hop does not resolve. */
    public List<Route> inactiveRoutes(int node) {
        return inactive.get(node);
    }

    public BgpFixedPoint.Result bgp() {
        return bgp;
    }

    private static ForwardingTable install(Node node, List<BgpRoute> learned, List<Route> dormant) {
        PrefixTrie<FibEntry> trie = new PrefixTrie<>();
        for (Interface i : node.interfaces()) {
            put(trie, new FibEntry(Route.local(Prefix.containing(i.address(), 32), node.provenance()), Optional.empty(), Optional.empty()));
        }
        for (Route r : node.local()) {
            put(trie, new FibEntry(r, Optional.empty(), Optional.empty()));
        }
        for (Interface i : node.interfaces()) {
            Route connected = new Route(i.network(), new NextHop.Out(i.name()), RouteProtocol.CONNECTED, node.provenance());
            put(trie, new FibEntry(connected, Optional.of(i.name()), Optional.empty()));
        }
        List<Route> pending = new ArrayList<>();
        for (BgpRoute b : learned) {
            pending.add(new Route(b.prefix(), new NextHop.Gateway(b.nextHop()), b.internal() ? RouteProtocol.IBGP : RouteProtocol.EBGP,
                    learnedProvenance(b)));
        }
        pending.addAll(node.staticRoutes());
        boolean changed = true;
        while (changed && !pending.isEmpty()) {
            changed = false;
            for (int k = 0; k < pending.size(); k++) {
                Optional<FibEntry> resolved = resolve(node, trie, pending.get(k));
                if (resolved.isPresent()) {
                    put(trie, resolved.get());
                    pending.remove(k--);
                    changed = true;
                }
            }
        }
        dormant.addAll(pending);
        List<FibEntry> entries = new ArrayList<>();
        collect(trie, entries);
        return new ForwardingTable(trie, entries);
    }

    private static Provenance learnedProvenance(BgpRoute b) {
        return b.provenance();
    }

    private static Optional<FibEntry> resolve(Node node, PrefixTrie<FibEntry> trie, Route r) {
        return switch (r.nextHop()) {
            case NextHop.Discard d -> Optional.of(new FibEntry(r, Optional.empty(), Optional.empty()));
            case NextHop.Accept a -> Optional.of(new FibEntry(r, Optional.empty(), Optional.empty()));
            case NextHop.Out o -> node.iface(o.iface()).map(i -> new FibEntry(r, Optional.of(i.name()), Optional.empty()));
            case NextHop.Gateway g -> resolveGateway(trie, r, g.address());
        };
    }

    private static Optional<FibEntry> resolveGateway(PrefixTrie<FibEntry> trie, Route r, Ipv4Address gateway) {
        Optional<PrefixTrie.Entry<FibEntry>> match = trie.longestMatch(gateway);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        FibEntry via = match.get().value();
        if (via.egress().isEmpty()) {
            return Optional.empty(); // a discard route, or the gateway is this node's own address
        }
        if (r.prefix().contains(gateway) && match.get().prefix().length() <= r.prefix().length()) {
            return Optional.empty(); // would resolve through itself
        }
        return Optional.of(new FibEntry(r, via.egress(), Optional.of(via.gateway().orElse(gateway))));
    }

    private static void put(PrefixTrie<FibEntry> trie, FibEntry e) {
        Optional<FibEntry> existing = trie.get(e.route().prefix());
        if (existing.isEmpty() || e.route().protocol().adminDistance() < existing.get().route().protocol().adminDistance()) {
            trie.put(e.route().prefix(), e);
        }
    }

    private static void collect(PrefixTrie<FibEntry> trie, List<FibEntry> out) {
        for (PrefixTrie.Entry<FibEntry> e : trie.overlapping(new Prefix(0, 0))) {
            out.add(e.value());
        }
    }
}
