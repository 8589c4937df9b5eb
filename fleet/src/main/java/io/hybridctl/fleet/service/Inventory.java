package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.ApiToken;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.ProfileRevision;
import io.hybridctl.fleet.model.RegistrationToken;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.server.ApiException;
import io.hybridctl.fleet.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Clusters, profiles, pools and tokens: the admin side of the model. Every change is audited. */
public final class Inventory {

    public record Imported(FleetCluster cluster, String profileId, List<Pool> pools) {
    }

    private final Fleet fleet;
    private final NodeStatusBoard nodes;

    public Inventory(Fleet fleet, NodeStatusBoard nodes) {
        this.fleet = fleet;
        this.nodes = nodes;
    }

    public Imported importCluster(String actor, Requests.ImportCluster req) {
        try {
            return fleet.jdbc().tx(() -> {
                long now = fleet.now();
                FleetCluster c = fleet.inventory().createCluster(req.name(), req.region(), req.kubernetesVersion(),
                        req.credentialProvider(), req.spec(), now);
                String profileId = fleet.inventory().createProfile(req.name() + "-default", now);
                fleet.inventory().addRevision(profileId, req.kubernetesVersion(),
                        req.nodeadmVersion() == null ? "latest" : req.nodeadmVersion(), req.credentialProvider(),
                        req.osImage() == null ? "byo" : req.osImage(), Map.of(), now);
                List<Pool> pools = new ArrayList<>();
                for (Requests.SiteRef s : req.sites()) {
                    pools.add(fleet.inventory().createPool(c.id(), s.name(), profileId, 1, now));
                }
                fleet.audit(actor, "cluster.import", c.name(), "sites=" + req.sites().size());
                for (Pool p : pools) {
                    fleet.hub().record(p.id(), null, "pool.created", "pool " + p.name() + " created from site " + p.name());
                }
                return new Imported(c, profileId, pools);
            });
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw ApiException.conflict("cluster '" + req.name() + "' already exists");
            }
            throw e;
        }
    }

    public Responses.IssuedToken createRegistrationToken(String actor, Requests.CreateRegistrationToken req, String serverUrl,
                                                         String caFingerprint) {
        Pool pool = fleet.inventory().pool(req.poolId()).orElseThrow(() -> ApiException.notFound("pool " + req.poolId()));
        String token = Secrets.newToken(Secrets.REGISTRATION_PREFIX);
        long ttl = req.ttlSeconds() == null ? 86_400 : req.ttlSeconds();
        int maxUses = req.maxUses() == null ? 1 : req.maxUses();
        boolean auto = req.autoAssign() == null || req.autoAssign();
        RegistrationToken t = fleet.tokens().createRegistrationToken(pool.id(),
                Secrets.hash(token), fleet.now() + ttl * 1000, maxUses, auto, fleet.now());
        fleet.audit(actor, "registration-token.create", pool.name(), "id=" + t.id() + " maxUses=" + maxUses + " ttlSeconds=" + ttl
                + " autoAssign=" + auto);
        String command = "hybridctl agent --server " + serverUrl + " --ca-fingerprint " + caFingerprint + " --token " + token;
        return new Responses.IssuedToken(t.id(), token, t.expiresAt(), maxUses, command);
    }

    public void revokeRegistrationToken(String actor, String id) {
        if (!fleet.tokens().revokeRegistrationToken(id, fleet.now())) {
            throw ApiException.notFound("active registration token " + id);
        }
        fleet.audit(actor, "registration-token.revoke", id, "");
    }

    public Responses.IssuedApiToken createApiToken(String actor, Requests.CreateApiToken req) {
        String token = Secrets.newToken(Secrets.ADMIN_PREFIX);
        ApiToken t = fleet.tokens().createApiToken(req.name(), Role.valueOf(req.role().toUpperCase(Locale.ROOT)),
                Secrets.hash(token), fleet.now());
        fleet.audit(actor, "api-token.create", req.name(), "id=" + t.id() + " role=" + req.role());
        return new Responses.IssuedApiToken(t.id(), t.name(), req.role(), token);
    }

    public void revokeApiToken(String actor, String id) {
        if (!fleet.tokens().revokeApiToken(id, fleet.now())) {
            throw ApiException.notFound("active API token " + id);
        }
        fleet.audit(actor, "api-token.revoke", id, "");
    }

    public ProfileRevision addProfileRevision(String actor, String profile, Requests.ProfileRevisionSpec spec) {
        String id = fleet.inventory().profileId(profile).orElseThrow(() -> ApiException.notFound("profile " + profile));
        ProfileRevision r = fleet.inventory().addRevision(id, spec.kubernetesVersion(), spec.nodeadmVersion(),
                spec.credentialProvider(), spec.osImage(), spec.kubeletExtra() == null ? Map.of() : spec.kubeletExtra(), fleet.now());
        fleet.audit(actor, "profile.revision", r.profileName(), "revision=" + r.revision() + " kubernetes=" + r.kubernetesVersion());
        for (Pool p : fleet.inventory().allPools()) {
            if (p.profileId().equals(id)) {
                fleet.hub().record(p.id(), null, "pool.update-available", "profile " + r.profileName() + " revision "
                        + r.revision() + " is available (pool is on " + p.profileRevision() + ")");
            }
        }
        return r;
    }

    public Pool setPoolRevision(String actor, String poolId, int revision) {
        Pool pool = fleet.inventory().pool(poolId).orElseThrow(() -> ApiException.notFound("pool " + poolId));
        fleet.inventory().revision(pool.profileId(), revision)
                .orElseThrow(() -> ApiException.badRequest("profileRevision " + revision + " does not exist"));
        fleet.inventory().setPoolRevision(poolId, revision);
        fleet.audit(actor, "pool.update", pool.name(), "profileRevision " + pool.profileRevision() + " -> " + revision);
        fleet.hub().record(poolId, null, "pool.profile", "pool now on profile revision " + revision);
        return fleet.inventory().pool(poolId).orElseThrow();
    }

    public void uploadActivation(String actor, String cluster, Requests.SsmActivation req) {
        FleetCluster c = fleet.inventory().cluster(cluster).orElseThrow(() -> ApiException.notFound("cluster " + cluster));
        fleet.inventory().saveActivation(c.id(), req.activationId(), req.activationCode(), fleet.now());
        fleet.audit(actor, "ssm-activation.upload", c.name(), "activationId=" + req.activationId());
    }

    public void uploadIra(String actor, String cluster, Requests.IraSettings req) {
        FleetCluster c = fleet.inventory().cluster(cluster).orElseThrow(() -> ApiException.notFound("cluster " + cluster));
        fleet.jdbc().tx(() -> {
            fleet.jdbc().update("delete from ira_settings where cluster_id = ?", c.id());
            fleet.jdbc().update("insert into ira_settings(cluster_id, trust_anchor_arn, profile_arn, role_arn) values (?,?,?,?)",
                    c.id(), req.trustAnchorArn(), req.profileArn(), req.roleArn());
            return null;
        });
        fleet.audit(actor, "iam-roles-anywhere.set", c.name(), req.toString());
    }

    public Responses.PoolSummary summary(Pool p) {
        List<Host> hosts = fleet.hosts().inPool(p.id());
        int ready = 0;
        int boot = 0;
        int failed = 0;
        int unhealthy = 0;
        for (Host h : hosts) {
            switch (h.state()) {
                case READY -> ready++;
                case BOOTSTRAPPING -> boot++;
                case FAILED -> failed++;
                default -> { }
            }
            if (h.health() != io.hybridctl.fleet.model.Health.HEALTHY) {
                unhealthy++;
            }
        }
        int latest = fleet.inventory().latestRevision(p.profileId());
        ProfileRevision rev = fleet.inventory().revision(p.profileId(), p.profileRevision()).orElseThrow();
        TreeSet<String> versions = new TreeSet<>();
        versions.add(rev.kubernetesVersion());
        for (Host h : hosts) {
            nodes.get(h.id()).ifPresent(n -> versions.add(n.kubeletVersion()));
        }
        return new Responses.PoolSummary(p.id(), p.name(), p.clusterId(), ready, hosts.size(), boot, failed, unhealthy,
                rev.profileName(), p.profileRevision(), latest, latest > p.profileRevision(), List.copyOf(versions));
    }
}
