package io.hybridctl.fleet.service;

import io.hybridctl.fleet.bootstrap.ClusterDesign;
import io.hybridctl.fleet.model.ApiToken;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.ProfileRevision;
import io.hybridctl.fleet.model.RegistrationToken;
import io.hybridctl.fleet.store.OperationStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The read side the API and the UI show: every lookup a route needs, so routes call services and never stores. Lists
 * are built with one lookup per pool and cluster, not one per host.
 */
public final class Views {

    /** A hosts query as the UI's URL and the API's parameters carry it; null fields do not filter. */
    public record HostQuery(String text, String state, String health, String pool, Boolean drift, Boolean unassigned, String sort) {
        public static HostQuery all() {
            return new HostQuery(null, null, null, null, null, null, null);
        }
    }

    /** A host with what the pages show beside it: its pool, cluster and drift. */
    public record HostRow(Host host, Pool pool, FleetCluster cluster, List<Drift.Condition> drift) {
    }

    private final Fleet fleet;
    private final Designs designs;
    private final NodeStatusBoard nodes;

    public Views(Fleet fleet, Designs designs, NodeStatusBoard nodes) {
        this.fleet = fleet;
        this.designs = designs;
        this.nodes = nodes;
    }

    public List<FleetCluster> clusters() {
        return fleet.inventory().clusters();
    }

    public FleetCluster cluster(String idOrName) {
        return fleet.inventory().cluster(idOrName).orElseThrow(() -> FleetException.notFound("cluster " + idOrName));
    }

    public List<Pool> pools(String clusterId) {
        return fleet.inventory().pools(clusterId);
    }

    public List<Pool> allPools() {
        return fleet.inventory().allPools();
    }

    public Pool pool(String id) {
        return fleet.inventory().pool(id).orElseThrow(() -> FleetException.notFound("pool " + id));
    }

    public List<RegistrationToken> registrationTokens(String poolId) {
        return fleet.tokens().registrationTokens(pool(poolId).id());
    }

    public List<ApiToken> apiTokens() {
        return fleet.tokens().apiTokens();
    }

    public List<Map<String, Object>> profiles() {
        return fleet.inventory().profiles();
    }

    public List<ProfileRevision> revisions(String profile) {
        String id = fleet.inventory().profileId(profile).orElseThrow(() -> FleetException.notFound("profile " + profile));
        return fleet.inventory().revisions(id);
    }

    public Host host(String id) {
        return fleet.hosts().byId(id).orElseThrow(() -> FleetException.notFound("host " + id));
    }

    /** Hosts matching the query, with pool, cluster and drift, sorted by the query's key (host name by default). */
    public List<HostRow> hosts(HostQuery q) {
        List<Host> hosts = Boolean.TRUE.equals(q.unassigned()) ? fleet.hosts().unassigned() : fleet.hosts().all();
        Map<String, Pool> pools = new HashMap<>();
        Map<String, FleetCluster> clusters = new HashMap<>();
        Map<String, Optional<ClusterDesign>> loaded = new HashMap<>();
        for (Pool p : fleet.inventory().allPools()) {
            pools.put(p.id(), p);
        }
        for (FleetCluster c : fleet.inventory().clusters()) {
            clusters.put(c.id(), c);
            loaded.put(c.id(), designs.find(c));
        }
        List<HostRow> rows = new ArrayList<>();
        for (Host h : hosts) {
            Pool p = h.poolId() == null ? null : pools.get(h.poolId());
            FleetCluster c = p == null ? null : clusters.get(p.clusterId());
            List<Drift.Condition> drift = p == null || c == null ? List.of()
                    : loaded.get(c.id()).map(d -> Drift.of(d, c.name(), h.hostname(), p.name(), h.facts())).orElse(List.of());
            HostRow row = new HostRow(h, p, c, drift);
            if (matches(row, q)) {
                rows.add(row);
            }
        }
        rows.sort(order(q.sort()));
        return rows;
    }

    /** Hosts waiting in no pool that registered with this pool's token: what the pool page offers to assign. */
    public List<HostRow> unassignedFrom(String poolId) {
        return fleet.hosts().unassignedFrom(pool(poolId).id()).stream().map(h -> new HostRow(h, null, null, List.of())).toList();
    }

    public HostRow row(Host h) {
        Pool p = h.poolId() == null ? null : fleet.inventory().pool(h.poolId()).orElse(null);
        FleetCluster c = p == null ? null : fleet.inventory().cluster(p.clusterId()).orElse(null);
        List<Drift.Condition> drift = c == null ? List.of()
                : designs.find(c).map(d -> Drift.of(d, c.name(), h.hostname(), p.name(), h.facts())).orElse(List.of());
        return new HostRow(h, p, c, drift);
    }

    private static boolean matches(HostRow r, HostQuery q) {
        Host h = r.host();
        if (q.text() != null && !q.text().isBlank()) {
            String needle = q.text().toLowerCase(Locale.ROOT);
            String hay = (h.hostname() + " " + h.machineId() + " " + h.facts().os() + " " + h.facts().osVersion() + " "
                    + h.facts().interfaces().stream().flatMap(i -> i.addresses().stream()).toList()).toLowerCase(Locale.ROOT);
            if (!hay.contains(needle)) {
                return false;
            }
        }
        if (q.state() != null && !q.state().isBlank() && !h.state().name().equalsIgnoreCase(q.state())) {
            return false;
        }
        if (q.health() != null && !q.health().isBlank() && !h.health().name().equalsIgnoreCase(q.health())) {
            return false;
        }
        if (q.pool() != null && !q.pool().isBlank() && (r.pool() == null || !(r.pool().name().equals(q.pool()) || r.pool().id().equals(q.pool())))) {
            return false;
        }
        return q.drift() == null || q.drift() == !r.drift().isEmpty();
    }

    private static Comparator<HostRow> order(String sort) {
        Comparator<HostRow> byName = Comparator.comparing(r -> r.host().hostname());
        if (sort == null) {
            return byName;
        }
        boolean desc = sort.startsWith("-");
        Comparator<HostRow> c = switch (desc ? sort.substring(1) : sort) {
            case "state" -> Comparator.comparing((HostRow r) -> r.host().state().name()).thenComparing(byName);
            case "health" -> Comparator.comparing((HostRow r) -> r.host().health().name()).thenComparing(byName);
            case "pool" -> Comparator.comparing((HostRow r) -> r.pool() == null ? "" : r.pool().name()).thenComparing(byName);
            case "heartbeat" -> Comparator.comparingLong((HostRow r) -> r.host().lastHeartbeat()).thenComparing(byName);
            default -> byName;
        };
        return desc ? c.reversed() : c;
    }

    /** The API's view of a host; the detail adds its operations and events. */
    public Map<String, Object> hostView(HostRow r, boolean detail) {
        Host h = r.host();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("hostname", h.hostname());
        v.put("machineId", h.machineId());
        v.put("poolId", h.poolId());
        v.put("pool", r.pool() == null ? null : r.pool().name());
        v.put("cluster", r.cluster() == null ? null : r.cluster().name());
        v.put("state", h.state());
        v.put("health", h.health());
        v.put("healthDetail", h.healthDetail());
        v.put("drift", r.drift());
        v.put("driftOverride", h.driftOverride());
        v.put("nodeName", h.nodeName() != null ? h.nodeName() : h.ssmInstanceId());
        v.put("lastHeartbeat", h.lastHeartbeat());
        v.put("facts", h.facts());
        nodes.get(h.id()).ifPresent(n -> v.put("node", n));
        if (detail) {
            v.put("operations", operationViews(fleet.operations().forHost(h.id())));
            v.put("events", fleet.events().forHost(h.id(), 50));
        }
        return v;
    }

    public List<Map<String, Object>> hostViews(List<HostRow> rows) {
        return rows.stream().map(r -> hostView(r, false)).toList();
    }

    public Operation operation(String id) {
        return fleet.operations().withSteps(fleet.operations().byId(id).orElseThrow(() -> FleetException.notFound("operation " + id)));
    }

    /** The pool's newest operations; {@code withSteps} also loads each one's steps (one query each). */
    public List<Operation> operationsOfPool(String poolId, int limit, boolean withSteps) {
        List<Operation> ops = fleet.operations().forPool(pool(poolId).id(), limit);
        return withSteps ? ops.stream().map(fleet.operations()::withSteps).toList() : ops;
    }

    public List<Operation> operationsOfHost(String hostId) {
        return fleet.operations().forHost(hostId).stream().map(fleet.operations()::withSteps).toList();
    }

    public List<OperationStore.LogLine> logs(String operationId, long after) {
        return fleet.operations().logs(operation(operationId).id(), after);
    }

    public Map<String, Object> operationView(Operation op) {
        return operationViews(List.of(op)).getFirst();
    }

    /** The API's view of operations, with host and pool names looked up once per list. */
    public List<Map<String, Object>> operationViews(List<Operation> ops) {
        Map<String, String> hostNames = new HashMap<>();
        Map<String, String> poolNames = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            String host = hostNames.computeIfAbsent(op.hostId(), id -> fleet.hosts().byId(id).map(Host::hostname).orElse(""));
            String pool = poolNames.computeIfAbsent(op.poolId(), id -> fleet.inventory().pool(id).map(Pool::name).orElse(""));
            out.add(operationView(op.steps().isEmpty() ? fleet.operations().withSteps(op) : op, host, pool));
        }
        return out;
    }

    private static Map<String, Object> operationView(Operation full, String host, String pool) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", full.id());
        v.put("hostId", full.hostId());
        v.put("host", host);
        v.put("poolId", full.poolId());
        v.put("pool", pool);
        v.put("kind", full.kind().wireName());
        v.put("state", full.state());
        v.put("reason", full.reason());
        v.put("profileRevision", full.profileRevision());
        v.put("steps", full.steps());
        v.put("createdAt", full.createdAt());
        v.put("updatedAt", full.updatedAt());
        return v;
    }

    public List<FleetEvent> events(String poolId, String kind, long after, long before, int limit) {
        return fleet.events().page(poolId, kind, after, before, limit);
    }

    public List<FleetEvent> recentEvents(String poolId, int limit) {
        return fleet.events().recent(poolId, null, 0, limit);
    }

    public List<FleetEvent> hostEvents(String hostId, int limit) {
        return fleet.events().forHost(hostId, limit);
    }

    public List<Map<String, Object>> audit(long before, int limit) {
        return fleet.events().auditLog(before, limit);
    }
}
