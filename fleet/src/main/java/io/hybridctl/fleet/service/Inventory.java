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
import io.hybridctl.fleet.bootstrap.BootstrapException;
import io.hybridctl.fleet.bootstrap.ClusterDesign;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.fleet.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import java.util.TreeSet;

/** Clusters, profiles, pools and tokens: the admin side of the model. Every change is audited. */
public final class Inventory {

    public record Imported(FleetCluster cluster, String profileId, List<Pool> pools) {
    }

    private final Fleet fleet;
    private final NodeStatusBoard nodes;
    private final Designs designs;

    public Inventory(Fleet fleet, NodeStatusBoard nodes, Designs designs) {
        this.fleet = fleet;
        this.nodes = nodes;
        this.designs = designs;
    }

    /**
     * Imports a spec: the cluster, a default profile and one pool per site. Importing a spec whose cluster exists
     * updates the design (the hosts, the trust anchor) and adds pools for new sites.
     *
     * @throws FleetException when the spec does not load and validate where the server reads it
     */
    public Imported importCluster(String actor, Requests.ImportCluster req, Path defaultDirectory) {
        Path dir = req.specDirectory() == null ? defaultDirectory.toAbsolutePath() : Path.of(req.specDirectory());
        ClusterDesign design;
        InventoryStore.StoredSpec stored;
        try {
            design = ClusterDesign.load(req.spec(), dir);
            stored = new InventoryStore.StoredSpec(req.spec(), dir.toString(), design.trustAnchorPem().orElse(null),
                    design.pkiDirectory().map(Path::toString).orElse(null));
        } catch (BootstrapException e) {
            throw new FleetException(FleetException.Kind.INVALID, "spec-invalid", "spec: " + e.getMessage());
        }
        HybridCluster spec = design.spec();
        String provider = spec.credentials().provider().nodeadmName();
        try {
            return fleet.jdbc().tx(() -> {
                long now = fleet.now();
                Optional<FleetCluster> existing = fleet.inventory().cluster(spec.name());
                FleetCluster c;
                String profileId;
                List<Pool> pools = new ArrayList<>();
                if (existing.isPresent()) {
                    c = existing.get();
                    fleet.inventory().updateSpec(c.id(), spec.cluster().kubernetesVersion(), stored);
                    pools.addAll(fleet.inventory().pools(c.id()));
                    profileId = pools.isEmpty() ? fleet.inventory().createProfile(spec.name() + "-default", now) : pools.getFirst().profileId();
                } else {
                    c = fleet.inventory().createCluster(spec.name(), spec.cluster().region(), spec.cluster().kubernetesVersion(), provider, stored, now);
                    profileId = fleet.inventory().createProfile(spec.name() + "-default", now);
                    fleet.inventory().addRevision(profileId, spec.cluster().kubernetesVersion(),
                            req.nodeadmVersion() == null ? "latest" : req.nodeadmVersion(), provider,
                            req.osImage() == null ? "byo" : req.osImage(), Map.of(), now);
                }
                for (Site s : spec.sites()) {
                    if (pools.stream().noneMatch(p -> p.name().equals(s.name()))) {
                        Pool p = fleet.inventory().createPool(c.id(), s.name(), profileId, 1, now);
                        pools.add(p);
                        fleet.hub().record(p.id(), null, "pool.created", "pool " + p.name() + " created from site " + p.name());
                    }
                }
                fleet.audit(actor, existing.isPresent() ? "cluster.reimport" : "cluster.import", c.name(),
                        "sites=" + spec.sites().size() + " hosts=" + spec.hostCount());
                return new Imported(c, profileId, List.copyOf(pools));
            });
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw FleetException.conflict("cluster '" + spec.name() + "' is being imported concurrently; retry");
            }
            throw e;
        }
    }

    public Responses.IssuedToken createRegistrationToken(String actor, Requests.CreateRegistrationToken req, String serverUrl,
                                                         String caFingerprint) {
        Pool pool = fleet.inventory().pool(req.poolId()).orElseThrow(() -> FleetException.notFound("pool " + req.poolId()));
        String token = Secrets.newToken(Secrets.REGISTRATION_PREFIX);
        long ttl = req.ttlSeconds() == null ? 86_400 : req.ttlSeconds();
        int maxUses = req.maxUses() == null ? 1 : req.maxUses();
        boolean auto = req.autoAssign() == null || req.autoAssign();
        RegistrationToken t = fleet.tokens().createRegistrationToken(pool.id(),
                Secrets.hash(token), fleet.now() + ttl * 1000, maxUses, auto, fleet.now());
        fleet.audit(actor, "registration-token.create", pool.name(), "id=" + t.id() + " maxUses=" + maxUses + " ttlSeconds=" + ttl
                + " autoAssign=" + auto);
        // The token goes in a file, never argv (visible to every user in ps): the admin writes it there (0600) first.
        String command = "hybridctl agent --server " + serverUrl + " --ca-fingerprint " + caFingerprint + " --token-file /etc/hybridctl/registration-token";
        return new Responses.IssuedToken(t.id(), token, t.expiresAt(), maxUses, command);
    }

    public void revokeRegistrationToken(String actor, String id) {
        if (!fleet.tokens().revokeRegistrationToken(id, fleet.now())) {
            throw FleetException.notFound("active registration token " + id);
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
            throw FleetException.notFound("active API token " + id);
        }
        fleet.audit(actor, "api-token.revoke", id, "");
    }

    public ProfileRevision addProfileRevision(String actor, String profile, Requests.ProfileRevisionSpec spec) {
        String id = fleet.inventory().profileId(profile).orElseThrow(() -> FleetException.notFound("profile " + profile));
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
        Pool pool = fleet.inventory().pool(poolId).orElseThrow(() -> FleetException.notFound("pool " + poolId));
        fleet.inventory().revision(pool.profileId(), revision)
                .orElseThrow(() -> FleetException.invalid("profileRevision " + revision + " does not exist"));
        fleet.inventory().setPoolRevision(poolId, revision);
        fleet.audit(actor, "pool.update", pool.name(), "profileRevision " + pool.profileRevision() + " -> " + revision);
        fleet.hub().record(poolId, null, "pool.profile", "pool now on profile revision " + revision);
        return fleet.inventory().pool(poolId).orElseThrow();
    }

    public void uploadActivation(String actor, String cluster, Requests.SsmActivation req) {
        FleetCluster c = fleet.inventory().cluster(cluster).orElseThrow(() -> FleetException.notFound("cluster " + cluster));
        fleet.inventory().saveActivation(c.id(), req.activationId(), req.activationCode(), fleet.now());
        fleet.audit(actor, "ssm-activation.upload", c.name(), "activationId=" + req.activationId());
    }

    public void uploadIra(String actor, String cluster, Requests.IraSettings req) {
        FleetCluster c = fleet.inventory().cluster(cluster).orElseThrow(() -> FleetException.notFound("cluster " + cluster));
        fleet.inventory().saveIra(c.id(), new InventoryStore.IraSettings(req.trustAnchorArn(), req.profileArn(), req.roleArn()));
        fleet.audit(actor, "iam-roles-anywhere.set", c.name(), req.toString());
    }

    public Responses.PoolSummary summary(Pool p) {
        List<Host> hosts = fleet.hosts().inPool(p.id());
        FleetCluster cluster = fleet.inventory().cluster(p.clusterId()).orElseThrow();
        Optional<ClusterDesign> design = designs.find(cluster);
        int ready = 0;
        int boot = 0;
        int failed = 0;
        int unhealthy = 0;
        int drifted = 0;
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
            if (!drift(h, p, cluster, design).isEmpty()) {
                drifted++;
            }
        }
        List<String> planned = design.map(d -> d.spec().sites().stream().filter(s -> s.name().equals(p.name()))
                .flatMap(s -> s.hosts().stream()).map(io.hybridctl.spec.model.Host::name).toList()).orElse(List.of());
        java.util.Set<String> registered = registeredNames();
        int missing = (int) planned.stream().filter(n -> !registered.contains(n)).count();
        int latest = fleet.inventory().latestRevision(p.profileId());
        ProfileRevision rev = fleet.inventory().revision(p.profileId(), p.profileRevision()).orElseThrow();
        TreeSet<String> versions = new TreeSet<>();
        versions.add(rev.kubernetesVersion());
        for (Host h : hosts) {
            nodes.get(h.id()).ifPresent(n -> versions.add(n.kubeletVersion()));
        }
        return new Responses.PoolSummary(p.id(), p.name(), p.clusterId(), cluster.name(), ready, hosts.size(), planned.size(), boot,
                failed, unhealthy, drifted, missing, rev.profileName(), p.profileRevision(), latest, latest > p.profileRevision(),
                List.copyOf(versions));
    }

    /** Every host name registered anywhere, in the spec's lower-case form (a name in other case still registered). */
    private java.util.Set<String> registeredNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Host h : fleet.hosts().all()) {
            names.add(h.hostname().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** How a host in pool p differs from the spec; empty without a loadable spec (that is the cluster's condition). */
    public List<Drift.Condition> drift(Host h, Pool p) {
        FleetCluster cluster = fleet.inventory().cluster(p.clusterId()).orElseThrow();
        return drift(h, p, cluster, designs.find(cluster));
    }

    private static List<Drift.Condition> drift(Host h, Pool p, FleetCluster cluster, Optional<ClusterDesign> design) {
        return design.map(d -> Drift.of(d, cluster.name(), h.hostname(), p.name(), h.facts())).orElse(List.of());
    }

    /** Design against reality for a whole cluster: drifted hosts, spec hosts never registered, hosts the spec does not know. */
    public Responses.DriftReport driftReport(String clusterRef) {
        FleetCluster cluster = fleet.inventory().cluster(clusterRef).orElseThrow(() -> FleetException.notFound("cluster " + clusterRef));
        ClusterDesign design;
        try {
            design = designs.of(cluster);
        } catch (BootstrapException e) {
            throw FleetException.conflict(e.getMessage());
        }
        java.util.Set<String> registered = registeredNames();
        List<String> missing = design.spec().hosts().map(io.hybridctl.spec.model.Host::name)
                .filter(n -> !registered.contains(n.toLowerCase(Locale.ROOT))).toList();
        List<String> unknown = new ArrayList<>();
        List<Responses.HostDrift> drifted = new ArrayList<>();
        for (Pool p : fleet.inventory().pools(cluster.id())) {
            for (Host h : fleet.hosts().inPool(p.id())) {
                List<Drift.Condition> conditions = Drift.of(design, cluster.name(), h.hostname(), p.name(), h.facts());
                if (conditions.stream().anyMatch(c -> c.kind().equals("unknown"))) {
                    unknown.add(h.hostname());
                }
                if (!conditions.isEmpty()) {
                    drifted.add(new Responses.HostDrift(h.id(), h.hostname(), p.name(), h.driftOverride(),
                            conditions.stream().map(c -> new Responses.DriftCondition(c.kind(), c.message())).toList()));
                }
            }
        }
        return new Responses.DriftReport(cluster.name(), missing, unknown, drifted);
    }
}
