package io.hybridctl.verify.flows;

import io.hybridctl.verify.model.Labels;
import io.hybridctl.verify.definition.Expectation;
import io.hybridctl.verify.definition.FlowDefinition;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.netmodel.flow.Outcome;
import io.hybridctl.netmodel.flow.Query;
import io.hybridctl.netmodel.flow.Trace;
import io.hybridctl.verify.explain.Explainer;
import io.hybridctl.verify.model.HybridModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** `verify --flow NAME --from X --to Y`: every trace of one flow between two chosen endpoints, successes included. */
public final class FlowTracer {

    /** One traced run of packets, with its explanation when it failed. */
    public record Traced(String header, boolean reply, String source, String destination, Trace trace,
                         Optional<io.hybridctl.verify.explain.Explanation> explanation) {

        /** What happened to the packet, as the reports print it (so callers need not know the network model). */
        public String disposition() {
            return trace.disposition().toString();
        }
    }

    private final HybridModel model;
    private final FlowAnalyzer analyzer;
    private final Labels labels;
    private final Explainer explainer;

    public FlowTracer(HybridModel model, FlowAnalyzer analyzer) {
        this.model = model;
        this.analyzer = analyzer;
        this.labels = new Labels(model);
        this.explainer = new Explainer(model, analyzer.dataPlane(), labels);
    }

    /** @throws IllegalArgumentException with a user-facing message when the flow or an endpoint is unknown */
    public List<Traced> trace(String flow, String from, String to, VerifyOptions options) {
        CatalogueEntry entry = FlowCatalogue.find(flow).orElseThrow(() -> new IllegalArgumentException("no flow named '" + flow
                + "'; flows: " + String.join(", ", FlowCatalogue.entries().stream().map(e -> e.definition().name()).toList())));
        if (!(entry.legs().apply(model, options) instanceof Applicability.Applies applies)) {
            throw new IllegalArgumentException("flow " + flow + " does not apply to this design");
        }
        List<Traced> out = new ArrayList<>();
        boolean sourceFound = false;
        boolean destinationFound = false;
        for (Leg leg : applies.legs()) {
            List<Endpoint> sources = leg.sources().stream().filter(e -> matches(e, from)).toList();
            List<Endpoint> destinations = leg.destinations().stream().filter(e -> matches(e, to)).toList();
            sourceFound |= !sources.isEmpty();
            destinationFound |= !destinations.isEmpty();
            for (Endpoint s : sources) {
                for (Endpoint d : destinations) {
                    run(entry.definition(), leg.header(), false, s, d, out);
                    if (leg.reply() && analyzer.dataPlane().network().node(d.node()).isPresent()) {
                        run(entry.definition(), leg.header().replyTo(), true, d, s, out);
                    }
                }
            }
        }
        if (!sourceFound) {
            throw new IllegalArgumentException("'" + from + "' is not a source of flow " + flow + " (use a host name, a node such as router/<site>, or an address)");
        }
        if (!destinationFound) {
            throw new IllegalArgumentException("'" + to + "' is not a destination of flow " + flow + " (use a host name, a node, or an address)");
        }
        return out;
    }

    private void run(FlowDefinition def, Header header, boolean reply, Endpoint from, Endpoint to, List<Traced> out) {
        if (analyzer.dataPlane().network().node(from.node()).isEmpty()) {
            return;
        }
        PrefixSet dst = to.addresses().minus(from.addresses());
        if (dst.isEmpty()) {
            return;
        }
        for (Outcome o : analyzer.analyze(new Query(from.node(), from.addresses(), dst, header)).outcomes()) {
            Optional<io.hybridctl.verify.explain.Explanation> why = o.disposition().success() == (def.expectation() == Expectation.MUST_WORK)
                    ? Optional.empty() : Optional.of(explainer.explain(def, header, o));
            out.add(new Traced(header.toString(), reply, labels.of(o.sources()), labels.of(o.destinations()), o.trace(), why));
        }
    }

    /** An endpoint matches a model node name, a host name (its node or pod block), its label, or an address in it. */
    static boolean matches(Endpoint e, String wanted) {
        String w = wanted.strip();
        if (e.node().equals(w) || e.node().equals("host/" + w) || e.node().equals("pods/" + w)
                || e.label().toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            return e.addresses().contains(Ipv4Address.parse(w));
        } catch (io.hybridctl.net.AddressFormatException notAnAddress) {
            return false;
        }
    }
}
