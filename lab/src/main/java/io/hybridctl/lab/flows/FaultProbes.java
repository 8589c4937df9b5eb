package io.hybridctl.lab.flows;

import io.hybridctl.lab.probe.ProbeClient.Transport;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.lab.topology.LabTopology.HostLab;
import io.hybridctl.lab.topology.LabTopology.PodLab;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Protocol;
import io.hybridctl.verify.flows.FlowCatalogue;
import io.hybridctl.verify.flows.HostProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * verify's per-host requirements ({@link FlowCatalogue#hostProbes}) placed in the lab: each host, a pod on it, the
 * API server, and the pods of the next host of the site (its last pod stands in for CoreDNS). The lab times faults
 * with these; the expected verdict is the requirement, not a model's answer.
 */
public final class FaultProbes implements LabFlows {

    @Override
    public String source() {
        return "requirements (networking.md 1, 3.2)";
    }

    @Override
    public List<LabFlow> flows(LabDesign design) {
        LabTopology t = design.topology();
        List<HostProbe> probes = FlowCatalogue.hostProbes(design.intent().podsRoutable());
        List<LabFlow> flows = new ArrayList<>();
        for (LabTopology.SiteLab site : t.sites()) {
            List<HostLab> hosts = site.hosts();
            for (int i = 0; i < hosts.size(); i++) {
                HostLab host = hosts.get(i);
                HostLab peer = hosts.get((i + 1) % hosts.size());
                for (HostProbe probe : probes) {
                    Optional<Place> from = place(t, probe.from(), host, peer);
                    Optional<Place> to = place(t, probe.to(), host, peer);
                    if (from.isPresent() && to.isPresent()) {
                        flows.add(flow(probe, host.name(), from.get(), to.get()));
                    }
                }
            }
        }
        return flows;
    }

    /** A side of a probe in the lab: its namespace, address and label (none when the host has no pods or no peer). */
    private record Place(String namespace, Ipv4Address address, String label) {
    }

    private static Optional<Place> place(LabTopology t, HostProbe.Side side, HostLab host, HostLab peer) {
        boolean hasPeer = peer != host && !peer.pods().isEmpty();
        return switch (side) {
            case HOST -> Optional.of(new Place(host.node().name(), host.address(), host.name()));
            case API_SERVER -> Optional.of(new Place(t.vpc().netns().name(), t.vpc().primaryApiServer(), "API server"));
            case POD -> host.pods().isEmpty() ? Optional.empty() : Optional.of(pod(host.pods().getFirst()));
            case PEER_COREDNS -> host.pods().isEmpty() || !hasPeer ? Optional.empty() : Optional.of(pod(peer.pods().getLast()));
            case PEER_POD -> host.pods().isEmpty() || !hasPeer ? Optional.empty() : Optional.of(pod(peer.pods().getFirst()));
        };
    }

    private static Place pod(PodLab pod) {
        return new Place(pod.netns().name(), pod.address(), pod.netns().label());
    }

    private static LabFlow flow(HostProbe probe, String host, Place from, Place to) {
        return new LabFlow(probe.id() + "/" + host, probe.title(), from.namespace(), from.label(), Optional.empty(), to.address(),
                to.label(), probe.protocol() == Protocol.UDP ? Transport.UDP : Transport.TCP, probe.port(), probe.mustWork(),
                probe.mustWork() ? LabFlow.Verdict.REACHABLE : LabFlow.Verdict.UNREACHABLE,
                probe.mustWork() ? "required flow" : "not routable by design");
    }
}
