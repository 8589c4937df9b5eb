package io.hybridctl.fleet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.model.HostState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered hosts. machine_id is unique, so a machine can never appear twice however registrations race. */
public final class HostStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final HostCache cache = new HostCache();

    public HostStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Host create(HostFacts facts, String poolId, String keyFingerprint, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into host(id, machine_id, hostname, pool_id, state, health, health_detail, key_fingerprint, facts,"
                        + " registered_at, last_heartbeat) values (?,?,?,?,?,?,?,?,?,?,?)",
                id, facts.machineId(), facts.hostname(), poolId, HostState.REGISTERED, Health.HEALTHY, "", keyFingerprint,
                write(facts), now, now);
        return byId(id).orElseThrow();
    }

    public Optional<Host> byId(String id) {
        return jdbc.one("select * from host where id = ?", this::host, id);
    }

    /**
     * The host from memory when this replica has it, else from the database. For the agent hot path: the key
     * fingerprint, health and facts are current as far as this replica's writes go (each write evicts); another
     * replica's changes show up when a heartbeat flush finds the row changed (see {@link #writeHeartbeats}).
     */
    public Optional<Host> cached(String id) {
        return cache.get(id, () -> byId(id));
    }

    /** Forgets the cached row now and again when the current transaction ends, so no reader keeps the old row. */
    public void evict(String id) {
        cache.evict(id);
        jdbc.afterCompletion(() -> cache.evict(id));
    }

    public Optional<Host> byMachineId(String machineId) {
        return jdbc.one("select * from host where machine_id = ?", this::host, machineId);
    }

    /** The host a Kubernetes Node belongs to: by IRA node name or by SSM managed-instance id. */
    public Optional<Host> byNodeName(String nodeName) {
        return jdbc.one("select * from host where node_name = ? or ssm_instance_id = ?", this::host, nodeName, nodeName);
    }

    public List<Host> all() {
        return jdbc.query("select * from host order by hostname", this::host);
    }

    public List<Host> inPool(String poolId) {
        return jdbc.query("select * from host where pool_id = ? order by hostname", this::host, poolId);
    }

    public List<Host> unassigned() {
        return jdbc.query("select * from host where pool_id is null order by hostname", this::host);
    }

    public void reRegister(String id, HostFacts facts, String keyFingerprint, long now) {
        jdbc.update("update host set facts = ?, hostname = ?, key_fingerprint = ?, last_heartbeat = ?,"
                + " state = case when state = 'RESET' then 'REGISTERED' else state end, reset_at = null where id = ?",
                write(facts), facts.hostname(), keyFingerprint, now, id);
        evict(id);
    }

    /**
     * Heartbeats are soft state, refreshed every few seconds: on PostgreSQL they commit without waiting for the WAL
     * flush (synchronous_commit off for this transaction only). A crash can lose the last fraction of a second of
     * heartbeats, never consistency; registrations and operations keep full durability.
     */
    public void heartbeat(String id, HostFacts facts, Health health, String detail, String ssmInstanceId, long now) {
        jdbc.tx(() -> {
            if (jdbc.postgres()) {
                jdbc.update("set local synchronous_commit to off");
            }
            if (facts != null) {
                jdbc.update("update host set facts = ?, hostname = ?, last_heartbeat = ?, health = ?, health_detail = ?,"
                                + " ssm_instance_id = coalesce(?, ssm_instance_id) where id = ?",
                        write(facts), facts.hostname(), now, health, detail, ssmInstanceId, id);
            } else {
                jdbc.update("update host set last_heartbeat = ?, health = ?, health_detail = ?, ssm_instance_id = coalesce(?, ssm_instance_id) where id = ?",
                        now, health, detail, ssmInstanceId, id);
            }
            evict(id);
            return null;
        });
    }

    /**
     * Writes coalesced heartbeats in one batch. Each row is guarded by the key and health the replica believed in when
     * it took the heartbeat: a host re-keyed or re-judged meanwhile (by an admin, the sweep, or another replica) is
     * left alone and evicted from the cache, so its next heartbeat is checked against the database again.
     *
     * @return the ids whose row did not match (their heartbeat was not written)
     */
    public List<String> writeHeartbeats(List<HeartbeatWriter.Beat> beats) {
        if (beats.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(beats.size());
        for (HeartbeatWriter.Beat b : beats) {
            rows.add(new Object[] {b.at(), b.ssmInstanceId(), b.facts() == null ? null : write(b.facts()),
                    b.facts() == null ? null : b.facts().hostname(), b.hostId(), b.keyFingerprint(), b.health()});
        }
        int[] counts = jdbc.tx(() -> {
            if (jdbc.postgres()) {
                jdbc.update("set local synchronous_commit to off");
            }
            return jdbc.batch("update host set last_heartbeat = greatest(last_heartbeat, ?), ssm_instance_id = coalesce(?, ssm_instance_id),"
                    + " facts = coalesce(?, facts), hostname = coalesce(?, hostname) where id = ? and key_fingerprint = ? and health = ?", rows);
        });
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            HeartbeatWriter.Beat b = beats.get(i);
            // SUCCESS_NO_INFO (-2) means the driver did not count; treat it as written.
            if (counts[i] == 0) {
                stale.add(b.hostId());
                cache.evict(b.hostId());
            } else if (b.facts() != null || b.ssmInstanceId() != null) {
                cache.evict(b.hostId());
            }
        }
        return stale;
    }

    public boolean assign(String id, String poolId) {
        boolean assigned = jdbc.update("update host set pool_id = ? where id = ? and (pool_id is null or pool_id = ?)", poolId, id, poolId) == 1;
        evict(id);
        return assigned;
    }

    public void leavePool(String id) {
        jdbc.update("update host set pool_id = null where id = ?", id);
        evict(id);
    }

    public void setState(String id, HostState state) {
        jdbc.update("update host set state = ? where id = ?", state, id);
        evict(id);
    }

    public void setNodeName(String id, String nodeName) {
        jdbc.update("update host set node_name = ? where id = ?", nodeName, id);
        evict(id);
    }

    public void setHealth(String id, Health health, String detail) {
        jdbc.update("update host set health = ?, health_detail = ? where id = ?", health, detail, id);
        evict(id);
    }

    /** UNREACHABLE only if the host is still silent: a heartbeat written since the sweep's query wins. */
    public boolean markUnreachable(String id, long cutoff, String detail) {
        boolean marked = jdbc.update("update host set health = ?, health_detail = ? where id = ? and last_heartbeat < ? and health <> ?",
                Health.UNREACHABLE, detail, id, cutoff, Health.UNREACHABLE) == 1;
        evict(id);
        return marked;
    }

    /** Marks a host so that its next registration may bring a new key (the admin's explicit consent). */
    public boolean reset(String id, long now) {
        boolean reset = jdbc.update("update host set state = ?, reset_at = ? where id = ?", HostState.RESET, now, id) == 1;
        evict(id);
        return reset;
    }

    /** Remembers the pool whose registration token the host used. */
    public void setRegisteredPool(String id, String poolId) {
        jdbc.update("update host set registered_pool = ? where id = ?", poolId, id);
        evict(id);
    }

    /** Hosts in no pool that registered with this pool's token (or before that was recorded). */
    public List<Host> unassignedFrom(String poolId) {
        return jdbc.query("select * from host where pool_id is null and (registered_pool = ? or registered_pool is null) order by hostname",
                this::host, poolId);
    }

    /** Records whether an operator accepted the host's drift from the spec. */
    public void setDriftOverride(String id, boolean override) {
        jdbc.update("update host set drift_override = ? where id = ?", override, id);
        evict(id);
    }

    public boolean isReset(String id) {
        return jdbc.one("select reset_at from host where id = ?", rs -> Jdbc.nullableLong(rs, "reset_at") != null, id).orElse(false);
    }

    /** Hosts whose last heartbeat is older than the cut-off and which are not already marked unreachable. */
    public List<Host> silentSince(long cutoff) {
        return jdbc.query("select * from host where last_heartbeat < ? and health <> ?", this::host, cutoff, Health.UNREACHABLE);
    }

    public long count() {
        return jdbc.one("select count(*) from host", rs -> rs.getLong(1)).orElse(0L);
    }

    private String write(HostFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("facts not serialisable");
        }
    }

    private Host host(ResultSet rs) throws SQLException {
        HostFacts facts;
        try {
            facts = json.readValue(rs.getString("facts"), HostFacts.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt facts", e);
        }
        return new Host(rs.getString("id"), rs.getString("machine_id"), rs.getString("hostname"), rs.getString("pool_id"),
                HostState.valueOf(rs.getString("state")), Health.valueOf(rs.getString("health")), rs.getString("health_detail"),
                rs.getString("key_fingerprint"), facts, rs.getString("node_name"), rs.getString("ssm_instance_id"),
                rs.getLong("registered_at"), rs.getLong("last_heartbeat"), rs.getBoolean("drift_override"));
    }
}
