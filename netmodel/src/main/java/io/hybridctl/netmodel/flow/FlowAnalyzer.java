package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.dataplane.FibEntry;
import io.hybridctl.netmodel.dataplane.RegionIndex;
import io.hybridctl.netmodel.dataplane.Segments;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.NextHop;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows whole sets of destination addresses through the data plane at once: each forwarding table and filter cuts
 * the set into parts that behave alike (one part per route or rule, however many address runs it holds), and each
 * part is followed to its end.
 *
 * Results for a (node, set) are memoised together with the filters consulted on the way (their {@link FilterView}s):
 * a later flow reuses a result when every one of those filters sees its source and header as it saw the first's.
 * So all sites' traffic into one site is followed into that site once, not once per source site, which keeps
 * all-pairs flows linear in the destinations rather than sources x destinations.
 */
public final class FlowAnalyzer {

    private record Context(Header header, Ipv4Address src, SubtreeMemo.Dependencies dependencies) {
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
    private final SubtreeMemo memo = new SubtreeMemo();
    private final Map<Filter, FilterView> views = new IdentityHashMap<>();
    private final Map<FibEntry, Egress> egresses = new IdentityHashMap<>();
    private final boolean[] onPath;

    public FlowAnalyzer(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
        this.atoms = new SourceAtoms(dataPlane.network());
        this.onPath = new boolean[dataPlane.network().size()];
    }

    /**
     * Drops memoised results. Results are kept per header, and a finished flow's headers rarely come back, so a
     * caller that runs flow after flow frees them rather than carry every flow's subtrees to the end.
     */
    public void forget() {
        memo.clear();
    }

    /** How much work the analyser did: subtrees computed, and subtrees taken from the memo instead. */
    public record Work(long computed, long reused) {
    }

    /** Work since this analyser was made (kept across {@link #forget}); lets tests check how work grows with size. */
    public Work work() {
        return memo.work();
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
                Context ctx = new Context(query.header(), atomRange.first(), new SubtreeMemo.Dependencies());
                List<Branch> branches = query.destinations().isEmpty() ? List.of()
                        : visit(ctx, source, query.destinations(), true);
                roots.add(new Reachability.Root(atomRange, branches));
            }
        }
        return new Reachability(query, roots);
    }

    private List<Branch> visit(Context ctx, int node, PrefixSet set, boolean originated) {
        SubtreeMemo.Key key = new SubtreeMemo.Key(node, set, originated, ctx.header().reply());
        List<Branch> known = memo.find(key, ctx.src(), ctx.header(), ctx.dependencies());
        if (known != null) {
            return known;
        }
        Node n = dataPlane.network().node(node);
        if (onPath[node]) {
            return List.of(Branch.end(n.name(), set, List.of(new Step.Looped()), Disposition.LOOP));
        }
        onPath[node] = true;
        Context here = new Context(ctx.header(), ctx.src(), new SubtreeMemo.Dependencies());
        List<Branch> out = new ArrayList<>();
        List<Run> runs = List.of(new Run(set, List.of()));
        if (!originated) {
            runs = filter(here, n, n.inbound(), Step.Direction.IN, runs, out, Disposition.DENIED_IN);
        }
        for (Run run : runs) {
            route(here, node, n, run, out);
        }
        onPath[node] = false;
        List<Branch> result = List.copyOf(out);
        memo.store(key, ctx.src(), ctx.header(), here.dependencies(), result, ctx.dependencies());
        return result;
    }

    private void route(Context ctx, int node, Node n, Run run, List<Branch> out) {
        for (RegionIndex.Part<FibEntry> part : dataPlane.table(node).index().split(run.set())) {
            PrefixSet set = part.set();
            Run here = run.narrowed(set);
            if (part.value() == null) {
                List<Route> dormant = dataPlane.inactiveRoutes(node).stream().filter(r -> set.overlaps(r.prefix())).toList();
                out.add(Branch.end(n.name(), set, here.plus(new Step.NoRoute(dormant)).steps(), Disposition.NO_ROUTE));
                continue;
            }
            FibEntry entry = part.value();
            Run routed = here.plus(new Step.Routed(entry.route()));
            switch (entry.route().nextHop()) {
                case NextHop.Accept a -> out.add(Branch.end(n.name(), set, routed.steps(), Disposition.ACCEPTED));
                case NextHop.Discard d -> out.add(Branch.end(n.name(), set, routed.steps(), Disposition.NULL_ROUTED));
                default -> {
                    for (Run permitted : filter(ctx, n, n.outbound(), Step.Direction.OUT, List.of(routed), out, Disposition.DENIED_OUT)) {
                        forward(ctx, node, n, entry, permitted, out);
                    }
                }
            }
        }
    }

    /**
     * Where a table entry sends packets: its segment, and the node behind its gateway or at the far end of its
     * point-to-point link. Fixed for the run, so resolved once per entry rather than once per set that takes it.
     */
    private record Egress(String iface, String segment, Optional<Segments.Attachment> next, boolean resolved) {
    }

    private Egress egress(int node, Node n, FibEntry entry) {
        Egress e = egresses.get(entry);
        if (e == null) {
            String iface = entry.egress().orElseThrow();
            String segment = n.iface(iface).orElseThrow().segment();
            Segments segments = dataPlane.segments();
            if (entry.gateway().isPresent()) {
                e = new Egress(iface, segment, segments.owner(segment, entry.gateway().get()).filter(a -> a.node() != node), true);
            } else if (entry.route().protocol() != RouteProtocol.CONNECTED && segments.peer(segment, node).isPresent()) {
                // A static route out of an interface with no gateway: the far end of a point-to-point link (a tunnel).
                e = new Egress(iface, segment, segments.peer(segment, node), true);
            } else {
                e = new Egress(iface, segment, Optional.empty(), false);
            }
            egresses.put(entry, e);
        }
        return e;
    }

    private void forward(Context ctx, int node, Node n, FibEntry entry, Run run, List<Branch> out) {
        Egress e = egress(node, n, entry);
        if (e.resolved()) {
            handOver(ctx, n, e.iface(), e.next(), entry.gateway().orElse(null), run, out);
            return;
        }
        for (RegionIndex.Part<Segments.Attachment> p : dataPlane.segments().index(e.segment()).split(run.set())) {
            Optional<Segments.Attachment> owner = Optional.ofNullable(p.value()).filter(a -> a.node() != node);
            handOver(ctx, n, e.iface(), owner, null, run.narrowed(p.set()), out);
        }
    }

    /** `wanted`: the gateway nobody answers for, else null (then it is the set itself); named only when it fails. */
    private void handOver(Context ctx, Node n, String iface, Optional<Segments.Attachment> next, Ipv4Address wanted,
                          Run run, List<Branch> out) {
        if (next.isEmpty()) {
            out.add(Branch.end(n.name(), run.set(), run.plus(new Step.Unanswered(iface, wanted == null ? run.set().toString() : wanted.toString())).steps(),
                    Disposition.NEIGHBOR_UNREACHABLE));
            return;
        }
        String toName = dataPlane.network().node(next.get().node()).name();
        List<Branch> after = visit(ctx, next.get().node(), run.set(), false);
        out.add(Branch.onward(n.name(), run.set(), run.plus(new Step.Forwarded(iface, toName)).steps(), after));
    }

    /** Applies filters in order; denied parts end here, permitted parts are returned. */
    private List<Run> filter(Context ctx, Node n, List<Filter> filters, Step.Direction direction,
                             List<Run> runs, List<Branch> out, Disposition denied) {
        Ipv4Address src = ctx.src();
        for (Filter f : filters) {
            List<Run> permitted = new ArrayList<>();
            ctx.dependencies().consulted(views.computeIfAbsent(f, FilterView::new));
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
