package io.hybridctl.fleet.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Kubernetes view of each host (filled by the Node informer when --kubeconfig is given). */
public final class NodeStatusBoard {

    public record NodeStatus(String nodeName, boolean ready, String kubeletVersion, int podCount) {
    }

    private final Map<String, NodeStatus> byHost = new ConcurrentHashMap<>();

    public void put(String hostId, NodeStatus status) {
        byHost.put(hostId, status);
    }

    public void remove(String hostId) {
        byHost.remove(hostId);
    }

    public Optional<NodeStatus> get(String hostId) {
        return Optional.ofNullable(byHost.get(hostId));
    }
}
