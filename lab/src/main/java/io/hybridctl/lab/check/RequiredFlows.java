package io.hybridctl.lab.check;

import io.hybridctl.lab.probe.ProbeClient.Transport;
import io.hybridctl.lab.run.LabDesign;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.lab.topology.LabTopology.HostLab;
import io.hybridctl.lab.topology.LabTopology.PodLab;
import io.hybridctl.net.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The required flows of networking.md §1 and §3.2 made concrete for each host: kubelet to API server, API server to
 * kubelet, pods to API server, API server to webhooks (expected to fail, by design, when pods are unroutable), DNS
 * to a CoreDNS pod on another node, pod to pod across nodes. Used when verify's catalogue is not available; the
 * expected verdict is then the requirement, not a model's answer.
 */
public final class RequiredFlows implements FlowCatalogue {

    @Override
    public String source() {
        return "requirements (networking.md 1, 3.2)";
    }

    @Override
    public List<LabFlow> flows(LabDesign design) {
        LabTopology t = design.topology();
        Ipv4Address api = t.vpc().primaryApiServer();
        String vpcNs = t.vpc().netns().name();
        boolean routable = design.intent().podsRoutable();
        List<LabFlow> flows = new ArrayList<>();
        for (LabTopology.SiteLab site : t.sites()) {
            List<HostLab> hosts = site.hosts();
            for (int i = 0; i < hosts.size(); i++) {
                HostLab host = hosts.get(i);
                String n = host.name();
                flows.add(flow("kubelet-to-api/" + n, "kubelet to Kubernetes API server", host.node().name(), n, api,
                        "API server", Transport.TCP, 443, true, true));
                flows.add(flow("api-to-kubelet/" + n, "API server to kubelet (logs, exec, port-forward)", vpcNs, "API server",
                        host.address(), n, Transport.TCP, 10250, true, true));
                if (host.pods().isEmpty()) {
                    continue;
                }
                PodLab pod = host.pods().getFirst();
                String podLabel = pod.netns().label();
                flows.add(flow("pod-to-api/" + n, "pod to Kubernetes API server" + (routable ? "" : " (masqueraded)"),
                        pod.netns().name(), podLabel, api, "API server", Transport.TCP, 443, true, true));
                flows.add(flow("api-to-webhook/" + n, "API server to a webhook on a hybrid pod"
                        + (routable ? "" : " (pods unroutable: webhooks must run in the cloud)"), vpcNs, "API server",
                        pod.address(), podLabel, Transport.TCP, 9443, routable, routable));
                HostLab peer = hosts.get((i + 1) % hosts.size());
                if (peer != host && !peer.pods().isEmpty()) {
                    PodLab dns = peer.pods().getLast();
                    flows.add(flow("dns-udp/" + n, "pod to CoreDNS on another node (UDP)", pod.netns().name(), podLabel,
                            dns.address(), dns.netns().label(), Transport.UDP, 53, true, true));
                    flows.add(flow("dns-tcp/" + n, "pod to CoreDNS on another node (TCP)", pod.netns().name(), podLabel,
                            dns.address(), dns.netns().label(), Transport.TCP, 53, true, true));
                    flows.add(flow("pod-to-pod/" + n, "pod to pod on another node", pod.netns().name(), podLabel,
                            peer.pods().getFirst().address(), peer.pods().getFirst().netns().label(), Transport.TCP, 9443, true, true));
                }
            }
        }
        return flows;
    }

    private static LabFlow flow(String id, String description, String ns, String from, Ipv4Address to, String toLabel,
                                Transport transport, int port, boolean required, boolean reachable) {
        return new LabFlow(id, description, ns, from, java.util.Optional.empty(), to, toLabel, transport, port, required,
                reachable ? LabFlow.Verdict.REACHABLE : LabFlow.Verdict.UNREACHABLE,
                reachable ? "required flow" : "not routable by design");
    }
}
