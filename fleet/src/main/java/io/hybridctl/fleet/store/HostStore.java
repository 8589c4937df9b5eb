package io.hybridctl.fleet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.model.HostState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered hosts. machine_id is unique, so a machine can never appear twice however registrations race. */
public final class HostStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;

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
            return null;
        });
    }

    public boolean assign(String id, String poolId) {
        return jdbc.update("update host set pool_id = ? where id = ? and (pool_id is null or pool_id = ?)", poolId, id, poolId) == 1;
    }

    public void setState(String id, HostState state) {
        jdbc.update("update host set state = ? where id = ?", state, id);
    }

    public void setNodeName(String id, String nodeName) {
        jdbc.update("update host set node_name = ? where id = ?", nodeName, id);
    }

    public void setHealth(String id, Health health, String detail) {
        jdbc.update("update host set health = ?, health_detail = ? where id = ?", health, detail, id);
    }

    /** Marks a host so that its next registration may bring a new key (the admin's explicit consent). */
    public boolean reset(String id, long now) {
        return jdbc.update("update host set state = ?, reset_at = ? where id = ?", HostState.RESET, now, id) == 1;
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
                rs.getLong("registered_at"), rs.getLong("last_heartbeat"));
    }
}
