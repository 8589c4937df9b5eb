package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows whole sets of destination addresses through the data plane at once: each forwarding table and filter cuts
 * the set into runs that behave alike, and each run is followed to its end. Results for a (node, run) are memoised
 * per header and source atom, so thousands of sources that funnel through the same router share one computation.
 */
public final class FlowAnalyzer {

    private record Context(Header header, int atom) {
    }

    private record Key(int node, long first, long last, boolean originated) {
    }

    /** A run of destinations still being processed at a node, with the steps it has taken there. */
    private record Run(long first, long last, List<Step> steps) {
        Run plus(Step s) {
            List<Step> more = new ArrayList<>(steps.size() + 1);
            more.addAll(steps);
            more.add(s);
            return new Run(first, last, more);
        }

        Run narrowed(long f, long l) {
            return new Run(f, l, steps);
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
                Ipv4Address representative = atomRange.first();
                List<Branch> branches = new ArrayList<>();
                for (AddressRange d : query.destinations().ranges()) {
                    branches.addAll(visit(ctx, representative, source, d.first().value(), d.last().value(), true));
                }
                roots.add(new Reachability.Root(atomRange, branches));
            }
        }
        return new Reachability(query, roots);
    }

    private List<Branch> visit(Context ctx, Ipv4Address src, int node, long first, long last, boolean originated) {
        Map<Key, List<Branch>> cache = memo.computeIfAbsent(ctx, c -> new HashMap<>());
        Key key = new Key(node, first, last, originated);
        List<Branch> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Node n = dataPlane.network().node(node);
        if (onPath[node]) {
            return List.of(Branch.end(n.name(), first, last, List.of(new Step.Looped()), Disposition.LOOP));
        }
        onPath[node] = true;
        List<Branch> out = new ArrayList<>();
        List<Run> runs = List.of(new Run(first, last, List.of()));
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

    private void route(Context ctx, Ipv4Address src, int node, Node n, Run run, List<Branch> out) {
        for (Piece<FibEntry> piece : dataPlane.table(node).partition(run.first(), run.last())) {
            Run here = run.narrowed(piece.first(), piece.last());
            if (piece.value() == null) {
                List<Route> dormant = dataPlane.inactiveRoutes(node).stream().filter(r -> r.prefix().overlaps(piece.range())).toList();
                out.add(Branch.end(n.name(), piece.first(), piece.last(), here.plus(new Step.NoRoute(dormant)).steps(), Disposition.NO_ROUTE));
                continue;
            }
            FibEntry entry = piece.value();
            Run routed = here.plus(new Step.Routed(entry.route()));
            switch (entry.route().nextHop()) {
                case NextHop.Accept a -> out.add(Branch.end(n.name(), piece.first(), piece.last(), routed.steps(), Disposition.ACCEPTED));
                case NextHop.Discard d -> out.add(Branch.end(n.name(), piece.first(), piece.last(), routed.steps(), Disposition.NULL_ROUTED));
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
        Optional<Segments.Attachment> next;
        String wanted;
        if (entry.gateway().isPresent()) {
            next = segments.owner(segment, entry.gateway().get()).filter(a -> a.node() != node);
            wanted = entry.gateway().get().toString();
        } else if (entry.route().protocol() != RouteProtocol.CONNECTED) {
            // A static route out of an interface with no gateway: the far end of a point-to-point link (a tunnel).
            next = segments.peer(segment, node);
            wanted = null;
        } else {
            next = Optional.empty();
            wanted = null;
        }
        if (next.isPresent() || wanted != null) {
            handOver(ctx, src, n, iface, next, wanted, run, out);
            return;
        }
        for (Piece<Segments.Attachment> p : segments.partition(segment, run.first(), run.last())) {
            Optional<Segments.Attachment> owner = Optional.ofNullable(p.value()).filter(a -> a.node() != node);
            handOver(ctx, src, n, iface, owner, p.range().toString(), run.narrowed(p.first(), p.last()), out);
        }
    }

    private void handOver(Context ctx, Ipv4Address src, Node n, String iface, Optional<Segments.Attachment> next, String wanted,
                          Run run, List<Branch> out) {
        if (next.isEmpty()) {
            out.add(Branch.end(n.name(), run.first(), run.last(), run.plus(new Step.Unanswered(iface, wanted)).steps(),
                    Disposition.NEIGHBOR_UNREACHABLE));
            return;
        }
        String toName = dataPlane.network().node(next.get().node()).name();
        List<Branch> after = visit(ctx, src, next.get().node(), run.first(), run.last(), false);
        out.add(Branch.onward(n.name(), run.first(), run.last(), run.plus(new Step.Forwarded(iface, toName)).steps(), after));
    }

    /** Applies filters in order; denied runs end here, permitted runs are returned. */
    private static List<Run> filter(Context ctx, Ipv4Address src, Node n, List<Filter> filters, Step.Direction direction,
                                    List<Run> runs, List<Branch> out, Disposition denied) {
        for (Filter f : filters) {
            List<Run> permitted = new ArrayList<>();
            for (Run run : runs) {
                if (ctx.header().reply() && f.stateful()) {
                    permitted.add(run.plus(new Step.Session(f.name(), f.kind())));
                    continue;
                }
                List<long[]> remaining = new ArrayList<>();
                remaining.add(new long[] {run.first(), run.last()});
                for (Rule rule : f.rules()) {
                    if (remaining.isEmpty()) {
                        break;
                    }
                    if (!rule.matchesExceptDestination(src, ctx.header())) {
                        continue;
                    }
                    List<long[]> matched;
                    if (rule.destinations().isEmpty()) {
                        matched = remaining;
                        remaining = new ArrayList<>();
                    } else {
                        matched = new ArrayList<>();
                        remaining = split(remaining, rule.destinations().get(), matched);
                    }
                    for (long[] m : matched) {
                        decide(n, f, direction, rule.action(), Optional.of(rule.name()), rule.provenance(), run.narrowed(m[0], m[1]),
                                permitted, out, denied);
                    }
                }
                for (long[] r : remaining) {
                    decide(n, f, direction, f.defaultAction(), Optional.empty(), f.provenance(), run.narrowed(r[0], r[1]), permitted, out, denied);
                }
            }
            runs = permitted;
        }
        return runs;
    }

    private static void decide(Node n, Filter f, Step.Direction direction, Action action, Optional<String> rule,
                               io.hybridctl.netmodel.Provenance provenance, Run run, List<Run> permitted, List<Branch> out, Disposition denied) {
        Run stepped = run.plus(new Step.Filtered(f.name(), f.kind(), direction, action, rule, provenance));
        if (action == Action.PERMIT) {
            permitted.add(stepped);
        } else {
            out.add(Branch.end(n.name(), run.first(), run.last(), stepped.steps(), denied));
        }
    }

    /** Splits intervals into the parts inside `set` (added to `inside`) and returns the parts outside. */
    private static List<long[]> split(List<long[]> intervals, PrefixSet set, List<long[]> inside) {
        List<long[]> outside = new ArrayList<>();
        List<AddressRange> ranges = set.ranges();
        for (long[] iv : intervals) {
            long cursor = iv[0];
            for (AddressRange r : ranges) {
                long a = r.first().value();
                long b = r.last().value();
                if (b < cursor || a > iv[1]) {
                    continue;
                }
                if (a > cursor) {
                    outside.add(new long[] {cursor, a - 1});
                }
                long lo = Math.max(a, cursor);
                long hi = Math.min(b, iv[1]);
                inside.add(new long[] {lo, hi});
                cursor = hi + 1;
                if (cursor > iv[1]) {
                    break;
                }
            }
            if (cursor <= iv[1]) {
                outside.add(new long[] {cursor, iv[1]});
            }
        }
        return outside;
    }
}
