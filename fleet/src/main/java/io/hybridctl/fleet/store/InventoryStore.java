package io.hybridctl.fleet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.ProfileRevision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Clusters, profiles with their immutable revisions, and pools. */
public final class InventoryStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public InventoryStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What the fleet keeps of an imported spec: its text, the directory its relative paths resolve against, the CA
     * bundle plan puts in the trust anchor (IAM Roles Anywhere) and the pki directory it names, if any.
     */
    public record StoredSpec(String yaml, String directory, String trustAnchorPem, String pkiDirectory) {
        @Override
        public String toString() {
            return "StoredSpec[directory=" + directory + ", pkiDirectory=" + pkiDirectory + "]";
        }
    }

    public FleetCluster createCluster(String name, String region, String k8s, String provider, StoredSpec spec, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into fleet_cluster(id, name, region, kubernetes_version, credential_provider, spec, spec_dir, trust_anchor,"
                        + " pki_dir, created_at) values (?,?,?,?,?,?,?,?,?,?)",
                id, name, region, k8s, provider, spec.yaml(), spec.directory(), spec.trustAnchorPem(), spec.pkiDirectory(), now);
        return new FleetCluster(id, name, region, k8s, provider, now);
    }

    /** A re-import: the same cluster, a newer spec. */
    public void updateSpec(String clusterId, String k8s, StoredSpec spec) {
        jdbc.update("update fleet_cluster set kubernetes_version = ?, spec = ?, spec_dir = ?, trust_anchor = ?, pki_dir = ? where id = ?",
                k8s, spec.yaml(), spec.directory(), spec.trustAnchorPem(), spec.pkiDirectory(), clusterId);
    }

    public Optional<StoredSpec> storedSpec(String clusterId) {
        return jdbc.one("select spec, spec_dir, trust_anchor, pki_dir from fleet_cluster where id = ? and spec is not null",
                rs -> new StoredSpec(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), clusterId);
    }

    public List<FleetCluster> clusters() {
        return jdbc.query("select * from fleet_cluster order by name", InventoryStore::cluster);
    }

    public Optional<FleetCluster> cluster(String idOrName) {
        return jdbc.one("select * from fleet_cluster where id = ? or name = ?", InventoryStore::cluster, idOrName, idOrName);
    }

    public String createProfile(String name, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into profile(id, name, created_at) values (?,?,?)", id, name, now);
        return id;
    }

    public Optional<String> profileId(String idOrName) {
        return jdbc.one("select id from profile where id = ? or name = ?", rs -> rs.getString(1), idOrName, idOrName);
    }

    /** Appends the next revision; revisions are never updated. */
    public ProfileRevision addRevision(String profileId, String k8s, String nodeadm, String provider, String osImage,
                                       Map<String, Object> kubeletExtra, long now) {
        return jdbc.tx(() -> {
            // Lock the profile row so two concurrent revisions cannot get the same number.
            jdbc.query("select id from profile where id = ? for update", rs -> rs.getString(1), profileId);
            int next = jdbc.one("select coalesce(max(revision), 0) + 1 from profile_revision where profile_id = ?",
                    rs -> rs.getInt(1), profileId).orElse(1);
            jdbc.update("insert into profile_revision(profile_id, revision, kubernetes_version, nodeadm_version, credential_provider,"
                            + " os_image, kubelet_extra, created_at) values (?,?,?,?,?,?,?,?)",
                    profileId, next, k8s, nodeadm, provider, osImage, write(kubeletExtra), now);
            return revision(profileId, next).orElseThrow();
        });
    }

    public Optional<ProfileRevision> revision(String profileId, int revision) {
        return jdbc.one("select r.*, p.name from profile_revision r join profile p on p.id = r.profile_id"
                + " where r.profile_id = ? and r.revision = ?", this::revision, profileId, revision);
    }

    public List<ProfileRevision> revisions(String profileId) {
        return jdbc.query("select r.*, p.name from profile_revision r join profile p on p.id = r.profile_id"
                + " where r.profile_id = ? order by r.revision", this::revision, profileId);
    }

    public int latestRevision(String profileId) {
        return jdbc.one("select coalesce(max(revision), 0) from profile_revision where profile_id = ?", rs -> rs.getInt(1), profileId).orElse(0);
    }

    public List<Map<String, Object>> profiles() {
        return jdbc.query("select p.id, p.name, coalesce(max(r.revision), 0) latest from profile p left join profile_revision r"
                + " on r.profile_id = p.id group by p.id, p.name order by p.name",
                rs -> Map.of("id", rs.getString("id"), "name", rs.getString("name"), "latestRevision", rs.getInt("latest")));
    }

    public Pool createPool(String clusterId, String name, String profileId, int revision, long now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into pool(id, cluster_id, name, profile_id, profile_revision, created_at) values (?,?,?,?,?,?)",
                id, clusterId, name, profileId, revision, now);
        return new Pool(id, clusterId, name, profileId, revision, now);
    }

    public List<Pool> pools(String clusterId) {
        return jdbc.query("select * from pool where cluster_id = ? order by name", InventoryStore::pool, clusterId);
    }

    public List<Pool> allPools() {
        return jdbc.query("select * from pool order by name", InventoryStore::pool);
    }

    public Optional<Pool> pool(String id) {
        return jdbc.one("select * from pool where id = ?", InventoryStore::pool, id);
    }

    public boolean setPoolRevision(String poolId, int revision) {
        return jdbc.update("update pool set profile_revision = ? where id = ?", revision, poolId) == 1;
    }

    public void saveActivation(String clusterId, String activationId, String code, long now) {
        jdbc.tx(() -> {
            jdbc.update("delete from ssm_activation where cluster_id = ?", clusterId);
            jdbc.update("insert into ssm_activation(cluster_id, activation_id, activation_code, uploaded_at) values (?,?,?,?)",
                    clusterId, activationId, code, now);
            return null;
        });
    }

    /** The three ARNs of the plan's CloudFormation stack that an IAM Roles Anywhere NodeConfig names. */
    public record IraSettings(String trustAnchorArn, String profileArn, String roleArn) {
    }

    public void saveIra(String clusterId, IraSettings ira) {
        jdbc.tx(() -> {
            jdbc.update("delete from ira_settings where cluster_id = ?", clusterId);
            jdbc.update("insert into ira_settings(cluster_id, trust_anchor_arn, profile_arn, role_arn) values (?,?,?,?)",
                    clusterId, ira.trustAnchorArn(), ira.profileArn(), ira.roleArn());
            return null;
        });
    }

    public Optional<IraSettings> iraSettings(String clusterId) {
        return jdbc.one("select trust_anchor_arn, profile_arn, role_arn from ira_settings where cluster_id = ?",
                rs -> new IraSettings(rs.getString(1), rs.getString(2), rs.getString(3)), clusterId);
    }

    public record Activation(String id, String code) {
        @Override
        public String toString() {
            return "Activation[id=" + id + ", code=<redacted>]";
        }
    }

    public Optional<Activation> activation(String clusterId) {
        return jdbc.one("select activation_id, activation_code from ssm_activation where cluster_id = ?",
                rs -> new Activation(rs.getString(1), rs.getString(2)), clusterId);
    }

    private String write(Map<String, Object> m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("kubelet configuration is not serialisable");
        }
    }

    private ProfileRevision revision(ResultSet rs) throws SQLException {
        Map<String, Object> extra;
        try {
            extra = json.readValue(rs.getString("kubelet_extra"), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt kubelet_extra", e);
        }
        return new ProfileRevision(rs.getString("profile_id"), rs.getString("name"), rs.getInt("revision"),
                rs.getString("kubernetes_version"), rs.getString("nodeadm_version"), rs.getString("credential_provider"),
                rs.getString("os_image"), extra, rs.getLong("created_at"));
    }

    private static FleetCluster cluster(ResultSet rs) throws SQLException {
        return new FleetCluster(rs.getString("id"), rs.getString("name"), rs.getString("region"),
                rs.getString("kubernetes_version"), rs.getString("credential_provider"), rs.getLong("created_at"));
    }

    private static Pool pool(ResultSet rs) throws SQLException {
        return new Pool(rs.getString("id"), rs.getString("cluster_id"), rs.getString("name"), rs.getString("profile_id"),
                rs.getInt("profile_revision"), rs.getLong("created_at"));
    }
}
