package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;

import java.util.List;
import java.util.stream.Collectors;

/** Host health from heartbeats, agent checks and the Kubernetes Node; every change is an event. */
public final class HealthMonitor {

    private final Fleet fleet;
    private final NodeStatusBoard nodes;

    public HealthMonitor(Fleet fleet, NodeStatusBoard nodes) {
        this.fleet = fleet;
        this.nodes = nodes;
    }

    /** @param h the host as the authenticator just loaded it (saves a query on the hottest path) */
    public List<String> heartbeat(Host h, Requests.Heartbeat hb) {
        String hostId = h.id();
        List<Requests.Check> failed = hb.checks() == null ? List.of() : hb.checks().stream().filter(c -> !c.ok()).toList();
        Health health;
        String detail;
        if (!failed.isEmpty()) {
            health = Health.DEGRADED;
            detail = failed.stream().map(c -> c.name() + (c.detail() == null ? "" : ": " + c.detail())).collect(Collectors.joining("; "));
        } else if (nodes.get(hostId).map(n -> !n.ready()).orElse(false)) {
            health = Health.NOT_READY;
            detail = "Kubernetes Node " + nodes.get(hostId).orElseThrow().nodeName() + " is NotReady";
        } else {
            health = Health.HEALTHY;
            detail = "";
        }
        fleet.hosts().heartbeat(hostId, hb.facts(), health, detail, hb.ssmInstanceId(), fleet.now());
        if (health != h.health()) {
            fleet.hub().record(h.poolId(), hostId, "host.health", h.hostname() + " is " + health
                    + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        return fleet.operations().openForHost(hostId);
    }

    /** Marks hosts unreachable after three missed heartbeats. Single-leader work. */
    public int sweep() {
        long cutoff = fleet.now() - 3 * fleet.timing().heartbeat().toMillis();
        int n = 0;
        for (Host h : fleet.hosts().silentSince(cutoff)) {
            fleet.hosts().setHealth(h.id(), Health.UNREACHABLE, "no heartbeat for " + (fleet.now() - h.lastHeartbeat()) / 1000 + " s");
            fleet.hub().record(h.poolId(), h.id(), "host.health", h.hostname() + " is UNREACHABLE (heartbeats missed)");
            n++;
        }
        return n;
    }

    /** Called by the Kubernetes view when a Node's readiness changes. */
    public void nodeReadiness(String hostId, boolean ready, String nodeName) {
        Host h = fleet.hosts().byId(hostId).orElse(null);
        if (h == null) {
            return;
        }
        if (!ready && h.health() == Health.HEALTHY) {
            fleet.hosts().setHealth(hostId, Health.NOT_READY, "Kubernetes Node " + nodeName + " is NotReady");
            fleet.hub().record(h.poolId(), hostId, "host.health", h.hostname() + " is NOT_READY (Node " + nodeName + ")");
        } else if (ready && h.health() == Health.NOT_READY) {
            fleet.hosts().setHealth(hostId, Health.HEALTHY, "");
            fleet.hub().record(h.poolId(), hostId, "host.health", h.hostname() + " is HEALTHY (Node " + nodeName + " Ready)");
        }
    }
}
