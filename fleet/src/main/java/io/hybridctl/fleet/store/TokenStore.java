package io.hybridctl.fleet.store;

import io.hybridctl.fleet.model.ApiToken;
import io.hybridctl.fleet.model.RegistrationToken;
import io.hybridctl.fleet.model.Role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admin API tokens and pool registration tokens; both stored only as SHA-256 hashes. */
public final class TokenStore {

    private final Jdbc jdbc;

    public TokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public ApiToken createApiToken(String name, Role role, String hash, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into api_token(id, name, role, hash, created_at) values (?,?,?,?,?)", id, name, role, hash, now);
        return new ApiToken(id, name, role, now, null);
    }

    public long apiTokenCount() {
        return jdbc.one("select count(*) from api_token", rs -> rs.getLong(1)).orElse(0L);
    }

    public Optional<ApiToken> activeApiToken(String hash) {
        return jdbc.one("select * from api_token where hash = ? and revoked_at is null", TokenStore::apiToken, hash);
    }

    public List<ApiToken> apiTokens() {
        return jdbc.query("select * from api_token order by created_at", TokenStore::apiToken);
    }

    public boolean revokeApiToken(String id, long now) {
        return jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null", now, id) == 1;
    }

    public RegistrationToken createRegistrationToken(String poolId, String hash, long expiresAt, int maxUses,
                                                     boolean autoAssign, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into registration_token(id, pool_id, hash, expires_at, max_uses, uses, auto_assign, created_at)"
                + " values (?,?,?,?,?,0,?,?)", id, poolId, hash, expiresAt, maxUses, autoAssign, now);
        return new RegistrationToken(id, poolId, expiresAt, maxUses, 0, autoAssign, null, now);
    }

    public Optional<RegistrationToken> registrationToken(String hash) {
        return jdbc.one("select * from registration_token where hash = ?", TokenStore::registrationToken, hash);
    }

    public List<RegistrationToken> registrationTokens(String poolId) {
        return jdbc.query("select * from registration_token where pool_id = ? order by created_at", TokenStore::registrationToken, poolId);
    }

    /** Consumes one use atomically; false when revoked, expired or used up (checked by the caller for the reason). */
    public boolean consume(String id, long now) {
        return jdbc.update("update registration_token set uses = uses + 1 where id = ? and revoked_at is null"
                + " and expires_at > ? and uses < max_uses", id, now) == 1;
    }

    public boolean revokeRegistrationToken(String id, long now) {
        return jdbc.update("update registration_token set revoked_at = ? where id = ? and revoked_at is null", now, id) == 1;
    }

    private static ApiToken apiToken(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getLong("created_at"), Jdbc.nullableLong(rs, "revoked_at"));
    }

    private static RegistrationToken registrationToken(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RegistrationToken(rs.getString("id"), rs.getString("pool_id"), rs.getLong("expires_at"),
                rs.getInt("max_uses"), rs.getInt("uses"), rs.getBoolean("auto_assign"), Jdbc.nullableLong(rs, "revoked_at"), rs.getLong("created_at"));
    }
}
