package io.hybridctl.verify.verdict;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.Protocol;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Outcome;
import io.hybridctl.netmodel.flow.Query;
import io.hybridctl.netmodel.flow.Reachability;
import io.hybridctl.verify.flows.Applicability;
import io.hybridctl.verify.flows.CatalogueEntry;
import io.hybridctl.verify.flows.FlowCatalogue;
import io.hybridctl.verify.flows.Leg;
import io.hybridctl.verify.flows.VerifyOptions;
import io.hybridctl.verify.model.HybridModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * verify's answers for one design, for callers that test them against something real (the lab): the catalogue's
 * required flows as data, and the verdict, with reason and trace, for one source, destination and header. The network
 * model stays inside verify.
 */
public final class Verdicts {

    /** A flow's legs start at the node named "-" when they stand for "any address of these networks". */
    public static final String ANY_NODE = "-";

    private final HybridModel model;
    private final FlowAnalyzer analyzer;

    private Verdicts(HybridModel model) {
        this.model = model;
        this.analyzer = new FlowAnalyzer(DataPlane.compute(model.network()));
    }

    /** Computes the data plane of the design's model once; every verdict after that is one analysis. */
    public static Verdicts of(HybridModel model) {
        return new Verdicts(model);
    }

    /** Every catalogue flow that applies to this design with verify's default options, in catalogue order. */
    public List<RequiredFlow> requiredFlows() {
        List<RequiredFlow> out = new ArrayList<>();
        for (CatalogueEntry entry : FlowCatalogue.entries()) {
            if (entry.legs().apply(model, VerifyOptions.DEFAULT) instanceof Applicability.Applies applies) {
                List<RequiredLeg> legs = new ArrayList<>();
                for (Leg leg : applies.legs()) {
                    legs.add(new RequiredLeg(leg.header().protocol(), leg.header().dstPort(), leg.sources(), leg.destinations(), leg.reply()));
                }
                out.add(new RequiredFlow(entry.definition().name(), entry.definition().title(), legs));
            }
        }
        return out;
    }

    /**
     * The verdict for a request from {@code source} (on model node {@code sourceNode}) to {@code destination} with this
     * protocol and destination port; with {@code reply}, the answer from {@code destinationNode} must get back too
     * (not checked when the destination is {@link #ANY_NODE}).
     */
    public Verdict verdict(String sourceNode, Ipv4Address source, String destinationNode, Ipv4Address destination, Protocol protocol,
                           int port, boolean reply) {
        Header header = Header.request(protocol, port);
        PrefixSet src = PrefixSet.of(Prefix.containing(source, 32));
        PrefixSet dst = PrefixSet.of(Prefix.containing(destination, 32));
        Optional<Verdict> failed = failure(analyzer.analyze(new Query(sourceNode, src, dst, header)), "request");
        if (failed.isEmpty() && reply && !destinationNode.equals(ANY_NODE)) {
            failed = failure(analyzer.analyze(new Query(destinationNode, dst, src, header.replyTo())), "reply");
        }
        return failed.orElseGet(Verdict::accepted);
    }

    private static Optional<Verdict> failure(Reachability r, String direction) {
        if (r.allAccepted()) {
            return Optional.empty();
        }
        List<Outcome> bad = r.outcomes(d -> !d.success());
        if (bad.isEmpty()) {
            return Optional.of(new Verdict(false, direction + ": not accepted", List.of()));
        }
        Outcome o = bad.getFirst();
        List<String> path = o.trace().hops().stream().map(Hop::node).toList();
        return Optional.of(new Verdict(false, direction + " " + o.disposition() + " at " + o.trace().lastHop().node() + " ("
                + String.join(" > ", path) + "): " + o.trace().decidingStep(), path));
    }
}
