package io.hybridctl.fleet.bootstrap;

import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.spec.model.Host;

/**
 * Every NodeConfig the fleet writes comes from plan's renderer, from the host's entry in the cluster's spec: node IP,
 * site, zone and host labels and kubelet flags exactly as `hybridctl plan` renders them, with the real credentials
 * where plan can only leave placeholders. A host the spec does not list has no design, so it gets no NodeConfig.
 */
public final class NodeConfigs {

    private final NodeConfigRenderer plan = new NodeConfigRenderer();

    public String render(ClusterDesign design, String clusterName, String hostname, NodeCredentials credentials) throws BootstrapException {
        Host host = design.host(hostname).orElseThrow(() -> new BootstrapException("host " + hostname + " is not in the spec of cluster "
                + clusterName + "; add it to the spec's hosts and import the spec again with `hybridctl fleet import -f SPEC`"));
        return plan.nodeConfig(design.spec(), host, credentials);
    }
}
