package io.hybridctl.fleet.store;

import io.hybridctl.fleet.model.FleetEvent;

import java.util.List;
import java.util.Map;

/** Fleet events (state changes, for people) and the audit log (changes, for accountability). */
public final class EventStore {

    private final Jdbc jdbc;

    public EventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public FleetEvent append(String poolId, String hostId, String kind, String message, long now) {
        String msg = message.length() > 2000 ? message.substring(0, 2000) : message;
        long id = jdbc.insertReturningId("insert into fleet_event(at, pool_id, host_id, kind, message) values (?,?,?,?,?)",
                now, poolId, hostId, kind, msg);
        return new FleetEvent(id, now, poolId, hostId, kind, msg);
    }

    /** Newest first; poolId and kind are optional filters. */
    public List<FleetEvent> recent(String poolId, String kind, long afterId, int limit) {
        return page(poolId, kind, afterId, Long.MAX_VALUE, limit);
    }

    /** Newest first, ids strictly between afterId and beforeId (keyset paging: the next page is before the last id). */
    public List<FleetEvent> page(String poolId, String kind, long afterId, long beforeId, int limit) {
        int lim = Math.max(1, Math.min(limit, 1000));
        StringBuilder sql = new StringBuilder("select * from fleet_event where id > ? and id < ?");
        List<Object> params = new java.util.ArrayList<>(List.of(afterId, beforeId));
        if (poolId != null) {
            sql.append(" and pool_id = ?");
            params.add(poolId);
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind);
        }
        sql.append(" order by id desc limit ").append(lim);
        return jdbc.query(sql.toString(), EventStore::event, params.toArray());
    }

    /** Events with ids above `afterId`, oldest first (for relaying other replicas' events). */
    public List<FleetEvent> after(long afterId, int limit) {
        return jdbc.query("select * from fleet_event where id > ? order by id limit " + Math.max(1, Math.min(limit, 1000)),
                EventStore::event, afterId);
    }

    /** The newest event id, 0 when there is none. */
    public long latestId() {
        return jdbc.one("select max(id) from fleet_event", rs -> rs.getLong(1)).orElse(0L);
    }

    public List<FleetEvent> forHost(String hostId, int limit) {
        return jdbc.query("select * from fleet_event where host_id = ? order by id desc limit " + Math.max(1, Math.min(limit, 1000)),
                EventStore::event, hostId);
    }

    public void audit(String actor, String action, String target, String detail, long now) {
        jdbc.update("insert into audit_log(at, actor, action, target, detail) values (?,?,?,?,?)", now, actor, action,
                target == null ? "" : target, detail.length() > 4000 ? detail.substring(0, 4000) : detail);
    }

    public List<Map<String, Object>> auditLog(int limit) {
        return auditLog(Long.MAX_VALUE, limit);
    }

    /** Newest first, ids below beforeId (keyset paging). */
    public List<Map<String, Object>> auditLog(long beforeId, int limit) {
        return jdbc.query("select * from audit_log where id < ? order by id desc limit " + Math.max(1, Math.min(limit, 1000)),
                rs -> Map.of("id", rs.getLong("id"), "at", rs.getLong("at"), "actor", rs.getString("actor"),
                        "action", rs.getString("action"), "target", rs.getString("target"), "detail", rs.getString("detail")), beforeId);
    }

    private static FleetEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FleetEvent(rs.getLong("id"), rs.getLong("at"), rs.getString("pool_id"), rs.getString("host_id"),
                rs.getString("kind"), rs.getString("message"));
    }
}
