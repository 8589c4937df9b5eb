package io.hybridctl.verify.model;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network model of one design, plus what the flow catalogue needs to name things: which model node stands for
 * which host, pod block, router or control-plane ENI.
 */
public record HybridModel(HybridCluster spec, NetworkIntent intent, Network network, List<Endpoint> controlPlane,
                          List<Endpoint> cloudPods, List<Endpoint> coreDns, Map<String, HostNodes> hosts,
                          Map<String, SiteNodes> sites) {

    /** A model node and the address a flow uses on it. */
    public record Endpoint(String node, Ipv4Address address, String label) {
    }

    public record HostNodes(Host host, String node, String podNode, Prefix podBlock) {
    }

    public record SiteNodes(Site site, String router, Ipv4Address routerAddress, boolean routerAssumed,
                            Optional<String> firewall, String tunnel, List<Prefix> loadBalancerPrefixes) {
    }

    public HybridModel {
        controlPlane = List.copyOf(controlPlane);
        cloudPods = List.copyOf(cloudPods);
        coreDns = List.copyOf(coreDns);
    }

    public static String hostNode(String host) {
        return "host/" + host;
    }

    public static String podNode(String host) {
        return "pods/" + host;
    }

    public static String routerNode(String site) {
        return "router/" + site;
    }

    public static String firewallNode(String site) {
        return "firewall/" + site;
    }

    /** The gateway's interface towards a site's attachment, named for the site. */
    public static String gatewayInterface(String site) {
        return "site-" + site;
    }

    public static String tunnelNode(String site, boolean vpn) {
        return (vpn ? "vpn/" : "dx/") + site;
    }

    public static String routeTableNode(String table) {
        return "rtb/" + table;
    }
}
