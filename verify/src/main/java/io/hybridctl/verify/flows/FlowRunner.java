package io.hybridctl.verify.flows;

import io.hybridctl.verify.model.Labels;
import io.hybridctl.verify.definition.Expectation;
import io.hybridctl.verify.definition.FlowDefinition;
import io.hybridctl.net.AddressRange;
import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Step;
import io.hybridctl.netmodel.flow.Trace;
import java.util.LinkedHashMap;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.bgp.BgpSession;
import io.hybridctl.netmodel.flow.Disposition;
import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.netmodel.flow.Outcome;
import io.hybridctl.netmodel.flow.Query;
import io.hybridctl.netmodel.flow.Reachability;
import io.hybridctl.netmodel.flow.SourceClasses;
import io.hybridctl.verify.explain.Explainer;
import io.hybridctl.verify.model.HybridModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Traces catalogue entries against a model, one direction of one leg at a time ({@link CatalogueRun} schedules them
 * and {@link #assemble} puts an entry's results together). Sources are grouped into classes that forward alike (two members of each
 * class are traced, so each one's own addresses are still covered as destinations); each traced source follows the
 * whole destination set at once; replies are traced the same way from the destinations back.
 */
public final class FlowRunner {

    private final HybridModel model;
    private final FlowAnalyzer analyzer;
    private final Explainer explainer;
    private final Labels labels;
    private final Map<List<SourceClasses.Candidate>, List<SourceClasses.Group>> groups = new HashMap<>();
    private final SourceClasses classes;

    public FlowRunner(HybridModel model, FlowAnalyzer analyzer) {
        this(model, analyzer, new Labels(model), new SourceClasses(analyzer.dataPlane(), analyzer.atoms()));
    }

    /** A runner for another worker thread over the same data plane: shares the labels and source classes. */
    public FlowRunner(FlowRunner other, FlowAnalyzer analyzer) {
        this(other.model, analyzer, other.labels, other.classes);
    }

    private FlowRunner(HybridModel model, FlowAnalyzer analyzer, Labels labels, SourceClasses classes) {
        this.model = model;
        this.analyzer = analyzer;
        this.labels = labels;
        this.classes = classes;
        this.explainer = new Explainer(model, analyzer.dataPlane(), labels);
    }

    /** One direction of one leg of an entry: the unit of work, so that one large flow can be spread over workers. */
    public record Direction(int leg, boolean reply) {
    }

    /** The findings of one direction, and how many source groups it traced. */
    public record Traced(List<Finding> findings, int groups) {
    }

    /** The directions to trace, in report order: each leg's request, then its reply when the flow must work. */
    public static List<Direction> directions(CatalogueEntry entry, Applicability.Applies a) {
        List<Direction> out = new ArrayList<>();
        for (int i = 0; i < a.legs().size(); i++) {
            out.add(new Direction(i, false));
            if (a.legs().get(i).reply() && entry.definition().expectation() == Expectation.MUST_WORK) {
                out.add(new Direction(i, true));
            }
        }
        return out;
    }

    public Traced trace(CatalogueEntry entry, Applicability.Applies a, Direction d) {
        FlowDefinition def = entry.definition();
        Leg leg = a.legs().get(d.leg());
        Predicate<Disposition> bad = def.expectation() == Expectation.MUST_WORK ? x -> x != Disposition.ACCEPTED : x -> x == Disposition.ACCEPTED;
        List<Finding> findings = new ArrayList<>();
        int groups = d.reply()
                ? trace(def, leg.header().replyTo(), true, leg.destinations(), leg.sources(), bad, findings)
                : trace(def, leg.header(), false, leg.sources(), leg.destinations(), bad, findings);
        return new Traced(findings, groups);
    }

    /** Drops memoised analysis (between flows: a finished flow's subtrees are rarely asked for again). */
    public void forget() {
        analyzer.forget();
    }

    /** The entry's result from its directions' results, given in the order of {@link #directions}. */
    public FlowResult assemble(CatalogueEntry entry, Applicability a, List<Traced> traced) {
        FlowDefinition def = entry.definition();
        if (a instanceof Applicability.NotApplicable n) {
            return new FlowResult(def, Optional.of(n.why()), 0, 0, 0, List.of());
        }
        int sources = 0;
        int destinations = 0;
        for (Leg leg : ((Applicability.Applies) a).legs()) {
            sources += leg.sources().size();
            destinations += leg.destinations().size();
        }
        List<Finding> findings = new ArrayList<>();
        int groups = 0;
        for (Traced t : traced) {
            findings.addAll(t.findings());
            groups += t.groups();
        }
        if (def.name().equals("node-to-bgp-peer")) {
            sessionFindings(def, findings);
        }
        return new FlowResult(def, Optional.empty(), sources, destinations, groups, findings);
    }

    private int trace(FlowDefinition def, Header header, boolean reply, List<Endpoint> from, List<Endpoint> to,
                      Predicate<Disposition> bad, List<Finding> findings) {
        List<PrefixSet> targets = new ArrayList<>();
        to.forEach(e -> targets.add(e.addresses()));
        PrefixSet all = union(targets);
        Map<SourceClasses.Candidate, Endpoint> byNode = new HashMap<>();
        List<SourceClasses.Candidate> candidates = new ArrayList<>();
        for (Endpoint e : from) {
            if (analyzer.dataPlane().network().node(e.node()).isEmpty()) {
                continue;
            }
            SourceClasses.Candidate c = new SourceClasses.Candidate(e.node(), e.addresses());
            byNode.put(c, e);
            candidates.add(c);
        }
        int traced = 0;
        for (SourceClasses.Group g : groups.computeIfAbsent(candidates, classes::group)) {
            // Runs that end the same way at the same step are one finding, however many destinations they hold.
            Map<List<Object>, Aggregate> same = new LinkedHashMap<>();
            String label = null;
            // A second member is traced only towards the first one's own addresses, which the first cannot cover.
            SourceClasses.Candidate firstRep = g.members().get(0);
            List<SourceClasses.Candidate> reps = all.intersect(firstRep.sources()).isEmpty() ? g.members().subList(0, 1) : g.representatives();
            for (SourceClasses.Candidate rep : reps) {
                PrefixSet dst = rep == firstRep ? all.minus(rep.sources()) : all.intersect(firstRep.sources()).minus(rep.sources());
                if (dst.isEmpty()) {
                    continue;
                }
                traced++;
                Endpoint source = byNode.get(rep);
                if (label == null) {
                    label = source.label() + (g.members().size() > 1 ? " (and " + (g.members().size() - 1) + " alike)" : "");
                }
                Reachability r = analyzer.analyze(new Query(rep.node(), rep.sources(), dst, header));
                r.forEach(bad, (sources, destinations, end, path) -> {
                    Hop lastHop = path.get(path.size() - 1);
                    List<Step> steps = lastHop.steps();
                    List<Object> key = List.of(lastHop.node(), end, steps.isEmpty() ? "" : steps.get(steps.size() - 1));
                    for (AddressRange range : destinations.ranges()) {
                        Aggregate a = same.get(key);
                        if (a == null) {
                            same.put(key, new Aggregate(new Outcome(sources, range, new Trace(end, path)), range));
                        } else {
                            a.add(range);
                        }
                    }
                });
            }
            for (Aggregate a : same.values()) {
                String destination = a.count == 1 ? labels.of(a.first.destinations())
                        : a.count + " destinations (" + String.join(", ", a.examples.stream().map(labels::of).toList()) + (a.count > a.examples.size() ? ", ..." : "") + ")";
                findings.add(new Finding(def.name(), header.toString(), reply, label, destination, a.first.disposition().name(),
                        Optional.of(a.first.trace()), explainer.explain(def, header, a.first)));
            }
        }
        return traced;
    }

    /** Runs that share an ending: the first (whose trace is shown) and a few more destinations to name. */
    private static final class Aggregate {
        final Outcome first;
        final List<AddressRange> examples = new ArrayList<>();
        int count = 1;

        Aggregate(Outcome first, AddressRange range) {
            this.first = first;
            examples.add(range);
        }

        void add(AddressRange range) {
            count++;
            if (examples.size() < 3) {
                examples.add(range);
            }
        }
    }

    private void sessionFindings(FlowDefinition def, List<Finding> findings) {
        for (BgpSession s : analyzer.dataPlane().bgp().sessions()) {
            if (s.established() || !s.local().startsWith("host/")) {
                continue;
            }
            findings.add(new Finding(def.name(), "bgp", false, s.local().substring("host/".length()),
                    s.peer().orElse(s.peerAddress().toString()), "NOT_ESTABLISHED", Optional.empty(), explainer.explainSession(def, s)));
        }
    }

    static PrefixSet union(List<PrefixSet> sets) {
        List<AddressRange> ranges = new ArrayList<>();
        sets.forEach(s -> ranges.addAll(s.ranges()));
        return PrefixSet.ofRanges(ranges);
    }
}
