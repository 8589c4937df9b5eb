package io.hybridctl.lab.check;

import io.hybridctl.lab.probe.ProbeClient.Transport;
import io.hybridctl.lab.run.LabDesign;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.net.Protocol;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.netmodel.flow.Outcome;
import io.hybridctl.netmodel.flow.Query;
import io.hybridctl.netmodel.flow.Reachability;
import io.hybridctl.verify.flows.Applicability;
import io.hybridctl.verify.flows.CatalogueEntry;
import io.hybridctl.verify.flows.Endpoint;
import io.hybridctl.verify.flows.FlowCatalogue;
import io.hybridctl.verify.flows.Leg;
import io.hybridctl.verify.flows.VerifyOptions;
import io.hybridctl.verify.model.HybridModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * verify's flow catalogue made concrete in the lab: every leg of every applicable entry becomes one probe per
 * source and destination endpoint, and its expected verdict is what verify's model answers for exactly that
 * source address, destination address and header (and the reply, where the leg needs one).
 */
public final class VerifyCatalogue implements io.hybridctl.lab.check.FlowCatalogue {

    private static final int BGP_PORT = 179;

    @Override
    public String source() {
        return "verify's static verdicts";
    }

    // `up` (to know which ports to listen on) and `test` ask for the same design's flows; analysing them once is enough.
    private final java.util.Map<LabDesign, List<LabFlow>> cache = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    @Override
    public List<LabFlow> flows(LabDesign design) {
        return cache.computeIfAbsent(design, this::analyse);
    }

    private List<LabFlow> analyse(LabDesign design) {
        HybridModel model = design.model();
        FlowAnalyzer analyzer = new FlowAnalyzer(DataPlane.compute(model.network()));
        List<LabFlow> flows = new ArrayList<>();
        for (CatalogueEntry entry : FlowCatalogue.entries()) {
            if (!(entry.legs().apply(model, VerifyOptions.DEFAULT) instanceof Applicability.Applies applies)) {
                continue;
            }
            for (Leg leg : applies.legs()) {
                for (Endpoint from : leg.sources()) {
                    Optional<Place> source = place(design, from, true);
                    if (source.isEmpty()) {
                        continue;
                    }
                    for (Endpoint to : leg.destinations()) {
                        Optional<Place> target = place(design, to, false);
                        if (target.isEmpty() || target.get().address().equals(source.get().address())) {
                            continue;
                        }
                        flows.add(flow(design, analyzer, entry, leg, from, source.get(), to, target.get()));
                    }
                }
            }
        }
        return flows;
    }

    private LabFlow flow(LabDesign design, FlowAnalyzer analyzer, CatalogueEntry entry, Leg leg, Endpoint from, Place source,
                         Endpoint to, Place target) {
        Header header = leg.header();
        PrefixSet src = PrefixSet.of(Prefix.containing(source.address(), 32));
        PrefixSet dst = PrefixSet.of(Prefix.containing(target.address(), 32));
        Reachability forward = analyzer.analyze(new Query(from.node(), src, dst, header));
        Optional<String> why = failure(forward, "request");
        if (why.isEmpty() && leg.reply() && !to.node().equals("-")) {
            why = failure(analyzer.analyze(new Query(to.node(), dst, src, header.replyTo())), "reply");
        }
        Transport transport = header.protocol() == Protocol.UDP ? Transport.UDP
                : target.agent() ? Transport.TCP : header.dstPort() == BGP_PORT ? Transport.BGP_SESSION : Transport.CONNECT;
        String id = entry.definition().name() + "/" + source.label() + "->" + target.label() + "/" + header.dstPort();
        return new LabFlow(id, entry.definition().title(), source.namespace(), source.label(),
                Optional.of(source.address()), target.address(), target.label(), transport,
                header.dstPort(), true, why.isEmpty() ? LabFlow.Verdict.REACHABLE : LabFlow.Verdict.UNREACHABLE,
                why.orElse("accepted"));
    }

    private static Optional<String> failure(Reachability r, String direction) {
        if (r.allAccepted()) {
            return Optional.empty();
        }
        List<Outcome> bad = r.outcomes(d -> !d.success());
        if (bad.isEmpty()) {
            return Optional.of(direction + ": not accepted");
        }
        Outcome o = bad.getFirst();
        String path = o.trace().hops().stream().map(h -> h.node()).collect(Collectors.joining(" > "));
        return Optional.of(direction + " " + o.disposition() + " at " + o.trace().lastHop().node() + " (" + path + "): "
                + o.trace().decidingStep());
    }

    /** Where an endpoint of verify's model is in the lab: namespace, address, and whether a probe agent runs there. */
    record Place(String namespace, Ipv4Address address, String label, boolean agent) {
    }

    private static Optional<Place> place(LabDesign design, Endpoint e, boolean asSource) {
        LabTopology t = design.topology();
        String node = e.node();
        if (node.startsWith("host/")) {
            return t.host(node.substring(5)).map(h -> new Place(h.node().name(), h.address(), h.name(), true));
        }
        if (node.startsWith("pods/")) {
            return t.host(node.substring(5)).filter(h -> !h.pods().isEmpty()).map(h -> new Place(h.pods().getFirst().netns().name(),
                    h.pods().getFirst().address(), h.pods().getFirst().netns().label(), true));
        }
        if (node.startsWith("router/")) {
            // bgpd answers on 179 itself; the router runs no probe agent, so it is never a source.
            return asSource ? Optional.empty() : t.site(node.substring(7)).map(s -> new Place(s.router().name(),
                    s.routerAddress(), s.name() + " router", false));
        }
        Optional<Ipv4Address> single = single(e.addresses());
        if (node.equals("-")) {
            // "any address of the pod networks": the lab probes the first pod it has there.
            return t.hosts().stream().flatMap(h -> h.pods().stream()).filter(p -> e.addresses().contains(p.address()))
                    .findFirst().map(p -> new Place(p.netns().name(), p.address(), p.netns().label(), true));
        }
        if (single.isPresent() && (t.vpc().apiServerAddresses().contains(single.get()) || t.vpc().cloudAddresses().contains(single.get()))) {
            return Optional.of(new Place(t.vpc().netns().name(), single.get(), e.label(), true));
        }
        return Optional.empty();
    }

    private static Optional<Ipv4Address> single(PrefixSet set) {
        List<Prefix> prefixes = set.toPrefixes();
        return prefixes.size() == 1 && prefixes.getFirst().length() == 32 ? Optional.of(prefixes.getFirst().first()) : Optional.empty();
    }
}
