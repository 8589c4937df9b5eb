package io.hybridctl.fleet.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.NodeStatusBoard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches hybrid Nodes (label eks.amazonaws.com/compute-type=hybrid) and, per Node, the pods on it through fabric8 informers,
 * and maps each Node to a host: by node name for IAM Roles Anywhere, by the agent-reported mi- id for SSM.
 */
public final class NodeView implements AutoCloseable {

    public static final String HYBRID_LABEL = "eks.amazonaws.com/compute-type";

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final Fleet fleet;
    private final NodeStatusBoard board;
    private final HealthMonitor health;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> podsPerNode = new ConcurrentHashMap<>();
    private final Map<String, String> podNode = new ConcurrentHashMap<>();
    private SharedIndexInformer<Node> nodeInformer;
    /** One pod informer per hybrid Node mapped to a host, field-selected on spec.nodeName: never a cluster-wide watch. */
    private final Map<String, SharedIndexInformer<Pod>> podInformers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private NodeView(KubernetesClient client, boolean ownsClient, Fleet fleet, NodeStatusBoard board, HealthMonitor health) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.fleet = fleet;
        this.board = board;
        this.health = health;
    }

    public static NodeView start(Path kubeconfig, Fleet fleet, NodeStatusBoard board, HealthMonitor health) throws IOException {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        return start(new KubernetesClientBuilder().withConfig(config).build(), true, fleet, board, health);
    }

    public static NodeView start(KubernetesClient client, boolean ownsClient, Fleet fleet, NodeStatusBoard board, HealthMonitor health) {
        NodeView v = new NodeView(client, ownsClient, fleet, board, health);
        v.nodeInformer = client.nodes().withLabel(HYBRID_LABEL, "hybrid").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node n) {
                v.nodes.put(n.getMetadata().getName(), n);
                v.refresh(n);
            }

            @Override
            public void onUpdate(Node old, Node n) {
                v.nodes.put(n.getMetadata().getName(), n);
                v.refresh(n);
            }

            @Override
            public void onDelete(Node n, boolean unknownFinalState) {
                v.nodes.remove(n.getMetadata().getName());
                v.stopPodWatch(n.getMetadata().getName());
                v.hostFor(n.getMetadata().getName()).ifPresent(h -> {
                    v.board.remove(h.id());
                    v.fleet.hub().record(h.poolId(), h.id(), "node.deleted", "Kubernetes Node " + n.getMetadata().getName() + " deleted");
                });
            }
        }, 60_000);
        return v;
    }

    /** Keeps pod -> node; the per-node count is derived from it, so event order does not matter. */
    private void podMoved(Pod p, boolean deleted) {
        String key = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
        String before = deleted ? podNode.remove(key) : podNode.put(key, p.getSpec() == null || p.getSpec().getNodeName() == null
                ? "" : p.getSpec().getNodeName());
        String after = deleted ? null : podNode.get(key);
        for (String nodeName : new String[] {before, after}) {
            if (nodeName == null || nodeName.isEmpty()) {
                continue;
            }
            int count = (int) podNode.values().stream().filter(nodeName::equals).count();
            podsPerNode.put(nodeName, count);
            Node n = nodes.get(nodeName);
            if (n != null) {
                refresh(n);
            }
        }
    }

    /** Re-maps all known Nodes; hosts learn their mi- id only after bootstrap, so call this on a timer too. */
    public void resync() {
        nodes.values().forEach(this::refresh);
    }

    private void refresh(Node n) {
        String name = n.getMetadata().getName();
        Optional<Host> host = hostFor(name);
        if (host.isEmpty()) {
            stopPodWatch(name);
        }
        host.ifPresent(h -> {
            watchPods(name);
            boolean ready = ready(n);
            String kubelet = n.getStatus() == null || n.getStatus().getNodeInfo() == null ? "" : n.getStatus().getNodeInfo().getKubeletVersion();
            NodeStatusBoard.NodeStatus previous = board.get(h.id()).orElse(null);
            board.put(h.id(), new NodeStatusBoard.NodeStatus(name, ready, kubelet, podsPerNode.getOrDefault(name, 0)));
            if (previous == null || previous.ready() != ready) {
                fleet.hub().record(h.poolId(), h.id(), "node.ready", "Kubernetes Node " + name + (ready ? " is Ready" : " is NotReady")
                        + " (kubelet " + kubelet + ")");
                health.nodeReadiness(h.id(), ready, name);
            }
        });
    }

    /** Starts without waiting for the first list: this runs on the Node informer's event thread. */
    private void watchPods(String nodeName) {
        if (closed) {
            return;
        }
        if (podInformers.containsKey(nodeName)) {
            return;
        }
        SharedIndexInformer<Pod> informer = client.pods().inAnyNamespace().withField("spec.nodeName", nodeName).runnableInformer(60_000);
        if (podInformers.putIfAbsent(nodeName, informer) != null) {
            return;
        }
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod p) {
                podMoved(p, false);
            }

            @Override
            public void onUpdate(Pod old, Pod p) {
                podMoved(p, false);
            }

            @Override
            public void onDelete(Pod p, boolean unknownFinalState) {
                podMoved(p, true);
            }
        });
        // Outside the map update: the informer may deliver its first events on this thread, and they call back here.
        informer.start();
    }

    private void stopPodWatch(String nodeName) {
        SharedIndexInformer<Pod> informer = podInformers.remove(nodeName);
        if (informer != null) {
            informer.close();
            podNode.values().removeIf(nodeName::equals);
            podsPerNode.remove(nodeName);
        }
    }

    /** Node names whose pods are being watched. */
    Set<String> podWatches() {
        return Set.copyOf(podInformers.keySet());
    }

    private Optional<Host> hostFor(String nodeName) {
        return fleet.hosts().byNodeName(nodeName);
    }

    static boolean ready(Node n) {
        if (n.getStatus() == null || n.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : n.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (nodeInformer != null) {
            nodeInformer.close();
        }
        closed = true;
        podInformers.keySet().forEach(this::stopPodWatch);
        if (ownsClient) {
            client.close();
        }
    }
}
