package io.hybridctl.fleet.store;

import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.OperationKind;
import io.hybridctl.fleet.model.OperationState;
import io.hybridctl.fleet.model.StepState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Operations with their steps and logs. State changes are conditional updates, so a stale writer changes nothing. */
public final class OperationStore {

    public record LogLine(long id, long at, String line) {
    }

    private final Jdbc jdbc;

    public OperationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Operation create(String hostId, String poolId, OperationKind kind, String profileId, int revision, long now) {
        String id = UUID.randomUUID().toString();
        return jdbc.tx(() -> {
            jdbc.update("insert into operation(id, host_id, pool_id, kind, state, reason, profile_id, profile_revision, current_step,"
                            + " created_at, updated_at, lease_until) values (?,?,?,?,?,?,?,?,0,?,?,0)",
                    id, hostId, poolId, kind, OperationState.PENDING, "", profileId, revision, now, now);
            List<String> steps = kind.steps();
            for (int i = 0; i < steps.size(); i++) {
                jdbc.update("insert into operation_step(operation_id, idx, name, state) values (?,?,?,?)", id, i, steps.get(i), StepState.PENDING);
            }
            return byId(id).orElseThrow();
        });
    }

    public Optional<Operation> byId(String id) {
        return jdbc.one("select * from operation where id = ?", this::operation, id);
    }

    public Optional<Operation> active(String hostId) {
        return jdbc.one("select * from operation where host_id = ? and state in ('PENDING','RUNNING') order by created_at",
                this::operation, hostId);
    }

    public List<String> openForHost(String hostId) {
        return jdbc.query("select id from operation where host_id = ? and state in ('PENDING','RUNNING') order by created_at",
                rs -> rs.getString(1), hostId);
    }

    public List<Operation> forHost(String hostId) {
        return jdbc.query("select * from operation where host_id = ? order by created_at desc", this::operation, hostId);
    }

    public List<Operation> forPool(String poolId, int limit) {
        return jdbc.query("select * from operation where pool_id = ? order by created_at desc limit " + Math.max(1, Math.min(limit, 1000)),
                this::operation, poolId);
    }

    public List<Operation> inState(OperationState state) {
        return jdbc.query("select * from operation where state = ?", this::operation, state);
    }

    /** PENDING -> RUNNING, or re-claim by the same host after it restarted. */
    public boolean claim(String id, String hostId, long now, long leaseUntil) {
        return jdbc.update("update operation set state = 'RUNNING', updated_at = ?, lease_until = ? where id = ? and host_id = ?"
                + " and state in ('PENDING','RUNNING')", now, leaseUntil, id, hostId) == 1;
    }

    public boolean stepUpdate(String id, int step, StepState state, long now, long leaseUntil) {
        return jdbc.tx(() -> {
            int n = jdbc.update("update operation set current_step = ?, updated_at = ?, lease_until = ? where id = ? and state = 'RUNNING'",
                    step, now, leaseUntil, id);
            if (n == 0) {
                return false;
            }
            if (state == StepState.RUNNING) {
                jdbc.update("update operation_step set state = ?, started_at = coalesce(started_at, ?) where operation_id = ? and idx = ?",
                        state, now, id, step);
            } else {
                jdbc.update("update operation_step set state = ?, started_at = coalesce(started_at, ?), finished_at = ? where operation_id = ? and idx = ?",
                        state, now, now, id, step);
            }
            return true;
        });
    }

    public boolean finish(String id, OperationState state, String reason, long now) {
        return jdbc.update("update operation set state = ?, reason = ?, updated_at = ? where id = ? and state in ('PENDING','RUNNING')",
                state, reason, now, id) == 1;
    }

    public void log(String id, long now, List<String> lines) {
        for (String line : lines) {
            jdbc.update("insert into operation_log(operation_id, at, line) values (?,?,?)", id, now,
                    line.length() > 4000 ? line.substring(0, 4000) : line);
        }
    }

    public List<LogLine> logs(String id, long afterId) {
        return jdbc.query("select id, at, line from operation_log where operation_id = ? and id > ? order by id limit 5000",
                rs -> new LogLine(rs.getLong(1), rs.getLong(2), rs.getString(3)), id, afterId);
    }

    /** RUNNING operations whose agent stopped reporting. */
    public List<Operation> leaseExpired(long now) {
        return jdbc.query("select * from operation where state = 'RUNNING' and lease_until < ?", this::operation, now);
    }

    public long countByState(OperationState state) {
        return jdbc.one("select count(*) from operation where state = ?", rs -> rs.getLong(1), state).orElse(0L);
    }

    private Operation operation(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Operation header = new Operation(id, rs.getString("host_id"), rs.getString("pool_id"),
                OperationKind.valueOf(rs.getString("kind")), OperationState.valueOf(rs.getString("state")),
                rs.getString("reason"), rs.getString("profile_id"), rs.getInt("profile_revision"), List.of(),
                rs.getLong("created_at"), rs.getLong("updated_at"));
        return header;
    }

    /** Loads the steps separately (never inside another result set's iteration). */
    public Operation withSteps(Operation op) {
        List<Operation.Step> steps = jdbc.query("select * from operation_step where operation_id = ? order by idx",
                rs -> new Operation.Step(rs.getInt("idx"), rs.getString("name"), StepState.valueOf(rs.getString("state")),
                        Jdbc.nullableLong(rs, "started_at"), Jdbc.nullableLong(rs, "finished_at")), op.id());
        return new Operation(op.id(), op.hostId(), op.poolId(), op.kind(), op.state(), op.reason(), op.profileId(),
                op.profileRevision(), steps, op.createdAt(), op.updatedAt());
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
