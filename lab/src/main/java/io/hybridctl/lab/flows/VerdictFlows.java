package io.hybridctl.lab.flows;

import io.hybridctl.lab.probe.ProbeClient.Transport;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.Protocol;
import io.hybridctl.verify.flows.Endpoint;
import io.hybridctl.verify.verdict.RequiredFlow;
import io.hybridctl.verify.verdict.RequiredLeg;
import io.hybridctl.verify.verdict.Verdict;
import io.hybridctl.verify.verdict.Verdicts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * verify's required flows made concrete in the lab: every leg becomes one probe per source and destination endpoint
 * the lab has, and its expected verdict is verify's for exactly that source address, destination address and header
 * (and the reply, where the leg needs one).
 */
public final class VerdictFlows implements LabFlows {

    private static final int BGP_PORT = 179;

    @Override
    public String source() {
        return "verify's static verdicts";
    }

    // `up` (to know which ports to listen on) and `test` ask for the same design's flows; analysing them once is enough.
    private final Map<LabDesign, List<LabFlow>> cache = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public List<LabFlow> flows(LabDesign design) {
        return cache.computeIfAbsent(design, this::analyse);
    }

    private List<LabFlow> analyse(LabDesign design) {
        Verdicts verdicts = Verdicts.of(design.model());
        List<LabFlow> flows = new ArrayList<>();
        for (RequiredFlow required : verdicts.requiredFlows()) {
            for (RequiredLeg leg : required.legs()) {
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
                        flows.add(flow(verdicts, required, leg, from, source.get(), to, target.get()));
                    }
                }
            }
        }
        return flows;
    }

    private static LabFlow flow(Verdicts verdicts, RequiredFlow required, RequiredLeg leg, Endpoint from, Place source, Endpoint to,
                                Place target) {
        Verdict verdict = verdicts.verdict(from.node(), source.address(), to.node(), target.address(), leg.protocol(), leg.port(),
                leg.reply());
        Transport transport = leg.protocol() == Protocol.UDP ? Transport.UDP
                : target.agent() ? Transport.TCP : leg.port() == BGP_PORT ? Transport.BGP_SESSION : Transport.CONNECT;
        String id = required.name() + "/" + source.label() + "->" + target.label() + "/" + leg.port();
        return new LabFlow(id, required.title(), source.namespace(), source.label(), Optional.of(source.address()), target.address(),
                target.label(), transport, leg.port(), true, verdict.reachable() ? LabFlow.Verdict.REACHABLE : LabFlow.Verdict.UNREACHABLE,
                verdict.reason());
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
        if (node.equals(Verdicts.ANY_NODE)) {
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
