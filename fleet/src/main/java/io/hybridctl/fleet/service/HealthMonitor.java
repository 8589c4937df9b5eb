package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.store.HeartbeatWriter;

import java.util.List;
import java.util.stream.Collectors;

/** Host health from heartbeats, agent checks and the Kubernetes Node; every change is an event. */
public final class HealthMonitor {

    private final Fleet fleet;
    private final NodeStatusBoard nodes;
    private final HeartbeatWriter writer;

    public HealthMonitor(Fleet fleet, NodeStatusBoard nodes, HeartbeatWriter writer) {
        this.fleet = fleet;
        this.nodes = nodes;
        this.writer = writer;
    }

    /**
     * The common heartbeat (same health, same detail) only queues its time, and its facts if they changed, for the
     * next batch write. A change of health or detail is written now and, for health, evented.
     *
     * @param h the host as the authenticator has it (from this replica's cache; see {@code HostStore.cached})
     */
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
        long now = fleet.now();
        HostFacts facts = hb.facts() == null || hb.facts().equals(h.facts()) ? null : hb.facts();
        String ssm = hb.ssmInstanceId() == null || hb.ssmInstanceId().equals(h.ssmInstanceId()) ? null : hb.ssmInstanceId();
        if (health == h.health() && detail.equals(h.healthDetail())) {
            writer.record(new HeartbeatWriter.Beat(hostId, h.keyFingerprint(), health, now, facts, ssm));
        } else {
            // The cached row may be behind another replica's change; judge the change, and the key, by the database.
            Host current = fleet.hosts().byId(hostId).orElse(null);
            if (current == null || !current.keyFingerprint().equals(h.keyFingerprint())) {
                fleet.hosts().evict(hostId);
                throw new FleetException(FleetException.Kind.UNAUTHENTICATED, "client-certificate-rejected",
                        "this certificate's key is no longer the host's key; re-register");
            }
            fleet.hosts().heartbeat(hostId, hb.facts(), health, detail, hb.ssmInstanceId(), now);
            if (health != current.health()) {
                fleet.hub().record(current.poolId(), hostId, "host.health", current.hostname() + " is " + health
                        + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
        }
        return fleet.operations().openForHost(hostId);
    }

    /**
     * Marks hosts unreachable after three missed heartbeats. Single-leader work. It judges the persisted heartbeat
     * times: this replica's queued heartbeats are written first, and other replicas' are at most one flush interval
     * (at most 1 s, a tenth of the heartbeat period) behind, far inside the three-heartbeat margin.
     */
    public int sweep() {
        writer.flush();
        long cutoff = fleet.now() - 3 * fleet.timing().heartbeat().toMillis();
        int n = 0;
        for (Host h : fleet.hosts().silentSince(cutoff)) {
            if (fleet.hosts().markUnreachable(h.id(), cutoff, "no heartbeat for " + (fleet.now() - h.lastHeartbeat()) / 1000 + " s")) {
                fleet.hub().record(h.poolId(), h.id(), "host.health", h.hostname() + " is UNREACHABLE (heartbeats missed)");
                n++;
            }
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
