package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.Provenance;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.dataplane.FibEntry;
import io.hybridctl.netmodel.dataplane.Piece;
import io.hybridctl.netmodel.dataplane.Segments;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.NextHop;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows whole sets of destination addresses through the data plane at once: each forwarding table and filter cuts
 * the set into parts that behave alike (one part per route or rule, however many address runs it holds), and each
 * part is followed to its end. Results for a (node, set) are memoised per header and source atom, so sources that
 * funnel through the same router share one computation.
 */
public final class FlowAnalyzer {

    private record Context(Header header, int atom) {
    }

    private record Key(int node, PrefixSet destinations, boolean originated) {
    }

    /** Destinations still being processed at a node, with the steps they have taken there. */
    private record Run(PrefixSet set, List<Step> steps) {
        Run plus(Step s) {
            List<Step> more = new ArrayList<>(steps.size() + 1);
            more.addAll(steps);
            more.add(s);
            return new Run(set, more);
        }

        Run narrowed(PrefixSet part) {
            return new Run(part, steps);
        }
    }

    private final DataPlane dataPlane;
    private final SourceAtoms atoms;
    private final Map<Context, Map<Key, List<Branch>>> memo = new HashMap<>();
    private final boolean[] onPath;

    public FlowAnalyzer(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
        this.atoms = new SourceAtoms(dataPlane.network());
        this.onPath = new boolean[dataPlane.network().size()];
    }

    public DataPlane dataPlane() {
        return dataPlane;
    }

    public SourceAtoms atoms() {
        return atoms;
    }

    public Reachability analyze(Query query) {
        int source = dataPlane.network().indexOf(query.source());
        List<Reachability.Root> roots = new ArrayList<>();
        for (AddressRange range : query.sources().ranges()) {
            for (AddressRange atomRange : atoms.split(range)) {
                Context ctx = new Context(query.header(), atoms.atomOf(atomRange.first().value()));
                List<Branch> branches = query.destinations().isEmpty() ? List.of()
                        : visit(ctx, atomRange.first(), source, query.destinations(), true);
                roots.add(new Reachability.Root(atomRange, branches));
            }
        }
        return new Reachability(query, roots);
    }

    private List<Branch> visit(Context ctx, Ipv4Address src, int node, PrefixSet set, boolean originated) {
        Map<Key, List<Branch>> cache = memo.computeIfAbsent(ctx, c -> new HashMap<>());
        Key key = new Key(node, set, originated);
        List<Branch> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Node n = dataPlane.network().node(node);
        if (onPath[node]) {
            return List.of(Branch.end(n.name(), set, List.of(new Step.Looped()), Disposition.LOOP));
        }
        onPath[node] = true;
        List<Branch> out = new ArrayList<>();
        List<Run> runs = List.of(new Run(set, List.of()));
        if (!originated) {
            runs = filter(ctx, src, n, n.inbound(), Step.Direction.IN, runs, out, Disposition.DENIED_IN);
        }
        for (Run run : runs) {
            route(ctx, src, node, n, run, out);
        }
        onPath[node] = false;
        List<Branch> result = List.copyOf(out);
        cache.put(key, result);
        return result;
    }

    /**
     * Splits a set by longest match, gathering the runs that share a value (null: nothing matches). A set with more
     * runs than the table has regions is intersected region by region (linear merges); a small set is looked up run
     * by run in the trie.
     */
    private static <V> Map<V, PrefixSet> partition(PrefixSet set, java.util.function.BiFunction<Long, Long, List<Piece<V>>> lookup,
                                                   java.util.function.Supplier<Map<V, PrefixSet>> regions) {
        List<AddressRange> ranges = set.ranges();
        Map<V, PrefixSet> out = new LinkedHashMap<>();
        if (ranges.size() > 8) {
            Map<V, PrefixSet> all = regions.get();
            if (all.size() < ranges.size()) {
                for (Map.Entry<V, PrefixSet> e : all.entrySet()) {
                    PrefixSet part = set.intersect(e.getValue());
                    if (!part.isEmpty()) {
                        out.put(e.getKey(), part);
                    }
                }
                if (all.isEmpty()) {
                    out.put(null, set);
                }
                return out;
            }
        }
        Map<V, List<AddressRange>> parts = new LinkedHashMap<>();
        for (AddressRange r : ranges) {
            for (Piece<V> p : lookup.apply(r.first().value(), r.last().value())) {
                parts.computeIfAbsent(p.value(), v -> new ArrayList<>()).add(p.range());
            }
        }
        parts.forEach((v, rs) -> out.put(v, PrefixSet.ofRanges(rs)));
        return out;
    }

    private void route(Context ctx, Ipv4Address src, int node, Node n, Run run, List<Branch> out) {
        for (Map.Entry<FibEntry, PrefixSet> part : partition(run.set(), dataPlane.table(node)::partition, dataPlane.table(node)::regions).entrySet()) {
            PrefixSet set = part.getValue();
            Run here = run.narrowed(set);
            if (part.getKey() == null) {
                List<Route> dormant = dataPlane.inactiveRoutes(node).stream().filter(r -> set.overlaps(r.prefix())).toList();
                out.add(Branch.end(n.name(), set, here.plus(new Step.NoRoute(dormant)).steps(), Disposition.NO_ROUTE));
                continue;
            }
            FibEntry entry = part.getKey();
            Run routed = here.plus(new Step.Routed(entry.route()));
            switch (entry.route().nextHop()) {
                case NextHop.Accept a -> out.add(Branch.end(n.name(), set, routed.steps(), Disposition.ACCEPTED));
                case NextHop.Discard d -> out.add(Branch.end(n.name(), set, routed.steps(), Disposition.NULL_ROUTED));
                default -> {
                    for (Run permitted : filter(ctx, src, n, n.outbound(), Step.Direction.OUT, List.of(routed), out, Disposition.DENIED_OUT)) {
                        forward(ctx, src, node, n, entry, permitted, out);
                    }
                }
            }
        }
    }

    private void forward(Context ctx, Ipv4Address src, int node, Node n, FibEntry entry, Run run, List<Branch> out) {
        String iface = entry.egress().orElseThrow();
        String segment = n.iface(iface).orElseThrow().segment();
        Segments segments = dataPlane.segments();
        if (entry.gateway().isPresent()) {
            handOver(ctx, src, n, iface, segments.owner(segment, entry.gateway().get()).filter(a -> a.node() != node),
                    entry.gateway().get().toString(), run, out);
            return;
        }
        if (entry.route().protocol() != RouteProtocol.CONNECTED) {
            // A static route out of an interface with no gateway: the far end of a point-to-point link (a tunnel).
            Optional<Segments.Attachment> peer = segments.peer(segment, node);
            if (peer.isPresent()) {
                handOver(ctx, src, n, iface, peer, null, run, out);
                return;
            }
        }
        for (Map.Entry<Segments.Attachment, PrefixSet> p : partition(run.set(), (a, b) -> segments.partition(segment, a, b), () -> segments.regions(segment)).entrySet()) {
            Optional<Segments.Attachment> owner = Optional.ofNullable(p.getKey()).filter(a -> a.node() != node);
            handOver(ctx, src, n, iface, owner, p.getValue().toString(), run.narrowed(p.getValue()), out);
        }
    }

    private void handOver(Context ctx, Ipv4Address src, Node n, String iface, Optional<Segments.Attachment> next, String wanted,
                          Run run, List<Branch> out) {
        if (next.isEmpty()) {
            out.add(Branch.end(n.name(), run.set(), run.plus(new Step.Unanswered(iface, wanted == null ? run.set().toString() : wanted)).steps(),
                    Disposition.NEIGHBOR_UNREACHABLE));
            return;
        }
        String toName = dataPlane.network().node(next.get().node()).name();
        List<Branch> after = visit(ctx, src, next.get().node(), run.set(), false);
        out.add(Branch.onward(n.name(), run.set(), run.plus(new Step.Forwarded(iface, toName)).steps(), after));
    }

    /** Applies filters in order; denied parts end here, permitted parts are returned. */
    private static List<Run> filter(Context ctx, Ipv4Address src, Node n, List<Filter> filters, Step.Direction direction,
                                    List<Run> runs, List<Branch> out, Disposition denied) {
        for (Filter f : filters) {
            List<Run> permitted = new ArrayList<>();
            for (Run run : runs) {
                if (ctx.header().reply() && f.stateful()) {
                    permitted.add(run.plus(new Step.Session(f.name(), f.kind())));
                    continue;
                }
                PrefixSet remaining = run.set();
                for (Rule rule : f.rules()) {
                    if (remaining.isEmpty()) {
                        break;
                    }
                    if (!rule.matchesExceptDestination(src, ctx.header())) {
                        continue;
                    }
                    PrefixSet matched = rule.destinations().isEmpty() ? remaining : remaining.intersect(rule.destinations().get());
                    if (matched.isEmpty()) {
                        continue;
                    }
                    remaining = rule.destinations().isEmpty() ? PrefixSet.empty() : remaining.minus(rule.destinations().get());
                    decide(n, f, direction, rule.action(), Optional.of(rule.name()), rule.provenance(), run.narrowed(matched), permitted, out, denied);
                }
                if (!remaining.isEmpty()) {
                    decide(n, f, direction, f.defaultAction(), Optional.empty(), f.provenance(), run.narrowed(remaining), permitted, out, denied);
                }
            }
            runs = permitted;
        }
        return runs;
    }

    private static void decide(Node n, Filter f, Step.Direction direction, Action action, Optional<String> rule, Provenance provenance,
                               Run run, List<Run> permitted, List<Branch> out, Disposition denied) {
        Run stepped = run.plus(new Step.Filtered(f.name(), f.kind(), direction, action, rule, provenance));
        if (action == Action.PERMIT) {
            permitted.add(stepped);
        } else {
            out.add(Branch.end(n.name(), run.set(), stepped.steps(), denied));
        }
    }
}
