package io.hybridctl.lab.daemon;

import io.hybridctl.spec.model.NodeLabels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.LoadBalancerPool;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.render.cni.CiliumRenderer;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Cilium's BGP control plane would configure on one node, read back from the resources plan renders
 * (cni/cilium-bgp.yaml): the CiliumBGPClusterConfig whose nodeSelector matches the node's labels gives the local
 * AS and the peer, its CiliumBGPPeerConfig the timers and graceful restart, and the CiliumBGPAdvertisements the
 * peer config selects what is announced (PodCIDR: the node's pod block; Service LoadBalancerIP: the site's pool).
 */
public final class CiliumBgpSessions {

    private final List<ObjectNode> resources;
    private final NetworkIntent intent;

    public CiliumBgpSessions(HybridCluster spec, NetworkIntent intent) {
        this.resources = new CiliumRenderer().bgpResources(spec, intent);
        this.intent = intent;
    }

    public Optional<GobgpSpeaker.Session> session(Host host) {
        Optional<JsonNode> cluster = kind("CiliumBGPClusterConfig").stream()
                .filter(c -> selects(c.path("spec").path("nodeSelector"), host)).findFirst();
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        JsonNode instance = cluster.get().path("spec").path("bgpInstances").path(0);
        JsonNode peer = instance.path("peers").path(0);
        String peerConfigName = peer.path("peerConfigRef").path("name").asText();
        JsonNode peerConfig = kind("CiliumBGPPeerConfig").stream()
                .filter(p -> p.path("metadata").path("name").asText().equals(peerConfigName)).findFirst()
                .map(p -> p.path("spec")).orElseThrow(() -> new IllegalStateException("no CiliumBGPPeerConfig " + peerConfigName));
        try {
            return Optional.of(new GobgpSpeaker.Session(host.address(), instance.path("localASN").asLong(),
                    Ipv4Address.parse(peer.path("peerAddress").asText()), peer.path("peerASN").asLong(),
                    peerConfig.path("timers").path("holdTimeSeconds").asInt(90),
                    peerConfig.path("timers").path("keepAliveTimeSeconds").asInt(30),
                    peerConfig.path("gracefulRestart").path("enabled").asBoolean(false),
                    peerConfig.path("gracefulRestart").path("restartTimeSeconds").asInt(120),
                    advertised(host, peerConfig)));
        } catch (AddressFormatException e) {
            throw new IllegalStateException("rendered peerAddress is not an address: " + e.getMessage());
        }
    }

    private List<Prefix> advertised(Host host, JsonNode peerConfig) {
        List<String> wanted = new ArrayList<>();
        for (JsonNode family : peerConfig.path("families")) {
            for (JsonNode expression : family.path("advertisements").path("matchExpressions")) {
                expression.path("values").forEach(v -> wanted.add(expression.path("key").asText() + "=" + v.asText()));
            }
        }
        List<Prefix> out = new ArrayList<>();
        for (JsonNode advertisement : kind("CiliumBGPAdvertisement")) {
            boolean selected = false;
            for (var label : (Iterable<java.util.Map.Entry<String, JsonNode>>) advertisement.path("metadata").path("labels")::fields) {
                selected |= wanted.contains(label.getKey() + "=" + label.getValue().asText());
            }
            if (!selected) {
                continue;
            }
            for (JsonNode a : advertisement.path("spec").path("advertisements")) {
                switch (a.path("advertisementType").asText()) {
                    case "PodCIDR" -> intent.allocations().find(host.name()).ifPresent(b -> out.add(b.block()));
                    case "Service" -> intent.loadBalancerPools().stream()
                            .filter(p -> p.site().equals(host.site()) && p.advertisement() == LoadBalancerPool.Advertisement.BGP)
                            .forEach(p -> p.ranges().forEach(r -> out.addAll(r.toPrefixes())));
                    default -> { }
                }
            }
        }
        return out;
    }

    private List<JsonNode> kind(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).map(r -> (JsonNode) r).toList();
    }

    /** A Kubernetes label selector (matchLabels, matchExpressions In/NotIn) against the labels plan gives the node. */
    private static boolean selects(JsonNode selector, Host host) {
        java.util.Map<String, String> labels = new java.util.HashMap<>(host.labels());
        labels.put(NodeLabels.SITE, host.site());
        labels.put(NodeLabels.HOST, host.name());
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) selector.path("matchLabels")::fields) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean in = value != null && values.contains(value);
            switch (expression.path("operator").asText()) {
                case "In" -> { if (!in) return false; }
                case "NotIn" -> { if (in) return false; }
                case "Exists" -> { if (value == null) return false; }
                case "DoesNotExist" -> { if (value != null) return false; }
                default -> { return false; }
            }
        }
        return true;
    }
}
