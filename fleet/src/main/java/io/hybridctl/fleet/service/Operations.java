package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.bootstrap.BootstrapException;
import io.hybridctl.fleet.bootstrap.ClusterDesign;
import io.hybridctl.fleet.bootstrap.NodeCertificates;
import io.hybridctl.fleet.bootstrap.NodeConfigs;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostState;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.OperationKind;
import io.hybridctl.fleet.model.OperationState;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.ProfileRevision;
import io.hybridctl.fleet.model.StepState;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.pki.PkiException;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.SsmActivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operation lifecycle: created by an assignment or an admin, claimed by the host's agent, advanced step by step by
 * agent reports, and finished by the agent or failed by lease expiry when the agent stops reporting.
 */
public final class Operations {

    public static final String NODECONFIG_PATH = "/etc/hybridctl/nodeconfig.yaml";
    public static final String IRA_CERT_PATH = "/etc/iam/pki/server.pem";
    public static final String IRA_KEY_PATH = "/etc/iam/pki/server.key";

    private final Fleet fleet;
    private final Designs designs;
    private final NodeConfigs nodeConfigs = new NodeConfigs();
    private final NodeCertificates nodeCertificates;

    public Operations(Fleet fleet, Designs designs, NodeCertificates nodeCertificates) {
        this.fleet = fleet;
        this.designs = designs;
        this.nodeCertificates = nodeCertificates;
    }

    /**
     * Puts a host in a pool and starts its bootstrap.
     *
     * @throws FleetException of type "drift" when the host differs from the spec and no operator has overridden it:
     *                        the host is in the pool then, and its bootstrap is held
     */
    public Operation assign(String actor, String hostId, String poolId) {
        Optional<Operation> op = joinPool(actor, hostId, poolId);
        if (op.isEmpty()) {
            Host h = host(hostId);
            throw driftHeld(h, drift(h, fleet.inventory().pool(poolId).orElseThrow()), OperationKind.BOOTSTRAP);
        }
        return op.get();
    }

    /** Puts a host in a pool; its bootstrap starts unless the host drifts from the spec (then it is held, with an event). */
    public Optional<Operation> joinPool(String actor, String hostId, String poolId) {
        return fleet.jdbc().tx(() -> {
            Host h = host(hostId);
            Pool pool = fleet.inventory().pool(poolId).orElseThrow(() -> FleetException.notFound("pool " + poolId));
            if (h.poolId() != null && !h.poolId().equals(poolId)) {
                throw FleetException.conflict("host " + h.hostname() + " is in another pool; uninstall it first");
            }
            if (!fleet.hosts().assign(hostId, poolId)) {
                throw FleetException.conflict("host " + h.hostname() + " could not be assigned");
            }
            fleet.audit(actor, "host.assign", h.hostname(), "pool=" + pool.name());
            fleet.hub().record(poolId, hostId, "host.assigned", h.hostname() + " assigned to pool " + pool.name());
            List<Drift.Condition> drift = h.driftOverride() ? List.of() : drift(h, pool);
            if (!drift.isEmpty()) {
                fleet.hub().record(poolId, hostId, "host.drift", driftHeld(h, drift, OperationKind.BOOTSTRAP).getMessage());
                return Optional.empty();
            }
            return Optional.of(createIn(actor, h, pool, OperationKind.BOOTSTRAP));
        });
    }

    private static FleetException driftHeld(Host h, List<Drift.Condition> drift, OperationKind kind) {
        return new FleetException(FleetException.Kind.CONFLICT, "drift", kind.wireName() + " of " + h.hostname()
                + " is held: it differs from the spec (" + drift.stream().map(Drift.Condition::message).collect(java.util.stream.Collectors.joining("; "))
                + "); fix the host or the spec, or accept the difference with `hybridctl fleet drift-override " + h.hostname() + "`");
    }

    public Operation create(String actor, Requests.CreateOperation req) {
        OperationKind kind;
        try {
            kind = OperationKind.fromWire(req.kind());
        } catch (IllegalArgumentException e) {
            throw FleetException.invalid("kind: " + e.getMessage());
        }
        return fleet.jdbc().tx(() -> {
            Host h = host(req.hostId());
            if (h.poolId() == null) {
                throw FleetException.conflict("host " + h.hostname() + " is not in a pool; assign it first");
            }
            Pool pool = fleet.inventory().pool(h.poolId()).orElseThrow();
            return createIn(actor, h, pool, kind);
        });
    }

    private Operation createIn(String actor, Host h, Pool pool, OperationKind kind) {
        if ((kind == OperationKind.BOOTSTRAP || kind == OperationKind.UPGRADE) && !h.driftOverride()) {
            List<Drift.Condition> drift = drift(h, pool);
            if (!drift.isEmpty()) {
                throw driftHeld(h, drift, kind);
            }
        }
        Optional<Operation> active = fleet.operations().active(h.id());
        if (active.isPresent()) {
            throw FleetException.conflict("host " + h.hostname() + " already has " + active.get().kind().wireName()
                    + " operation " + active.get().id() + " in progress");
        }
        Operation op = fleet.operations().create(h.id(), pool.id(), kind, pool.profileId(), pool.profileRevision(), fleet.now());
        if (kind == OperationKind.BOOTSTRAP || kind == OperationKind.UPGRADE) {
            fleet.hosts().setState(h.id(), HostState.BOOTSTRAPPING);
        }
        fleet.audit(actor, "operation.create", h.hostname(), kind.wireName() + " " + op.id());
        fleet.hub().record(pool.id(), h.id(), "operation.created", kind.wireName() + " of " + h.hostname() + " queued");
        return fleet.operations().withSteps(op);
    }

    public List<String> openFor(String hostId) {
        return fleet.operations().openForHost(hostId);
    }

    /** The agent takes an operation; the answer carries the rendered files. Secrets are in the files only. */
    public Responses.OperationPlan claim(String hostId, String operationId) {
        Operation op = ownOperation(hostId, operationId);
        if (op.state().terminal()) {
            throw FleetException.conflict("operation " + operationId + " is already " + op.state());
        }
        Host h = host(hostId);
        Pool pool = fleet.inventory().pool(op.poolId()).orElseThrow();
        FleetCluster cluster = fleet.inventory().cluster(pool.clusterId()).orElseThrow();
        ProfileRevision rev = fleet.inventory().revision(op.profileId(), op.profileRevision()).orElseThrow();
        List<Responses.PlanFile> files = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        Responses.NodeCertificateSpec certSpec = null;
        String nodeName = h.nodeName();
        if (op.kind() != OperationKind.UNINSTALL) {
            try {
                ClusterDesign design = designs.of(cluster);
                NodeCredentials creds;
                if (!design.iamRolesAnywhere()) {
                    InventoryStore.Activation act = fleet.inventory().activation(cluster.id()).orElseThrow(() -> new BootstrapException(
                            "no SSM activation uploaded for cluster " + cluster.name() + "; upload one with `hybridctl fleet activation-set "
                                    + cluster.name() + " --activation-id ID` (the code from HYBRIDCTL_SSM_ACTIVATION_CODE or --code-file)"));
                    creds = new NodeCredentials.Ssm(Optional.of(new SsmActivation(act.id(), act.code())));
                    secrets.add(act.code());
                } else {
                    InventoryStore.IraSettings ira = fleet.inventory().iraSettings(cluster.id()).orElseThrow(() -> new BootstrapException(
                            "no IAM Roles Anywhere settings for cluster " + cluster.name() + "; set them with `hybridctl fleet iam-roles-anywhere-set "
                                    + cluster.name() + " --trust-anchor-arn ARN --profile-arn ARN --role-arn ARN`"));
                    creds = new NodeCredentials.IamRolesAnywhere(ira.roleArn(), ira.profileArn(), ira.trustAnchorArn(), IRA_CERT_PATH, IRA_KEY_PATH);
                }
                // The node name is the spec's: plan renders it, and for IAM Roles Anywhere it is the certificate's CN.
                String specName = Drift.specHost(design, h.hostname()).map(io.hybridctl.spec.model.Host::name).orElse(h.hostname());
                String config = nodeConfigs.render(design, cluster.name(), specName, creds);
                if (design.iamRolesAnywhere()) {
                    // Refuse before the host starts, not at its certificate request, when the CA is not the trust anchor.
                    InventoryStore.StoredSpec stored = fleet.inventory().storedSpec(cluster.id()).orElseThrow();
                    nodeCertificates.caCertificatePem(cluster.name(), pkiDirectory(stored), stored.trustAnchorPem());
                    nodeName = specName;
                    certSpec = new Responses.NodeCertificateSpec(nodeName, IRA_CERT_PATH, IRA_KEY_PATH);
                    if (!nodeName.equals(h.nodeName())) {
                        fleet.hosts().setNodeName(h.id(), nodeName);
                    }
                }
                files.add(new Responses.PlanFile(NODECONFIG_PATH, "0600", config));
            } catch (BootstrapException e) {
                fail(op, h, e.getMessage());
                throw new FleetException(FleetException.Kind.CONFLICT, "bootstrap-refused", "operation " + operationId + " failed: " + e.getMessage());
            }
        }
        long now = fleet.now();
        if (!fleet.operations().claim(op.id(), hostId, now, now + fleet.timing().lease().toMillis())) {
            throw FleetException.conflict("operation " + operationId + " can no longer be claimed");
        }
        if (op.state() == OperationState.PENDING) {
            fleet.hub().record(op.poolId(), hostId, "operation.started", op.kind().wireName() + " of " + h.hostname() + " started");
        } else {
            fleet.hub().record(op.poolId(), hostId, "operation.resumed", op.kind().wireName() + " of " + h.hostname() + " resumed by its agent");
        }
        Operation withSteps = fleet.operations().withSteps(op);
        List<Responses.PlanStep> steps = withSteps.steps().stream()
                .map(s -> new Responses.PlanStep(s.index(), s.name(), s.state().name())).toList();
        return new Responses.OperationPlan(op.id(), op.kind().wireName(), rev.kubernetesVersion(), rev.credentialProvider(),
                cluster.region(), nodeName, steps, files, certSpec, secrets);
    }

    public void report(String hostId, String operationId, Requests.StepReport report) {
        Operation op = ownOperation(hostId, operationId);
        if (op.state() != OperationState.RUNNING) {
            throw FleetException.conflict("operation " + operationId + " is " + op.state() + ", not RUNNING");
        }
        if (report.step() >= op.kind().steps().size()) {
            throw FleetException.invalid("step " + report.step() + " does not exist for " + op.kind().wireName());
        }
        Host h = host(hostId);
        long now = fleet.now();
        fleet.jdbc().tx(() -> {
            if (report.log() != null && !report.log().isEmpty()) {
                // The agent redacts too; this is the second line of defence before anything is stored.
                fleet.operations().log(op.id(), now, redactor(op).redact(report.log()));
            }
            fleet.operations().stepUpdate(op.id(), report.step(), report.state(), now, now + fleet.timing().lease().toMillis());
            String stepName = op.kind().steps().get(report.step());
            if (report.state() == StepState.SUCCEEDED || report.state() == StepState.FAILED) {
                fleet.hub().record(op.poolId(), hostId, "step." + report.state().name().toLowerCase(java.util.Locale.ROOT),
                        h.hostname() + ": " + op.kind().wireName() + " step " + stepName + " " + report.state().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (report.outcome() != null) {
                String reason = report.reason() == null ? "" : redactor(op).redact(report.reason());
                if (fleet.operations().finish(op.id(), report.outcome(), reason, now)) {
                    finished(op, h, report.outcome(), reason);
                }
            }
            return null;
        });
    }

    public Responses.Registered nodeCertificate(String hostId, String operationId, Requests.NodeCertificate req) {
        Operation op = ownOperation(hostId, operationId);
        if (op.state() != OperationState.RUNNING) {
            throw FleetException.conflict("operation " + operationId + " is not running");
        }
        Host h = host(hostId);
        if (h.nodeName() == null) {
            throw FleetException.conflict("operation " + operationId + " does not use IAM Roles Anywhere");
        }
        Pool pool = fleet.inventory().pool(op.poolId()).orElseThrow();
        FleetCluster cluster = fleet.inventory().cluster(pool.clusterId()).orElseThrow();
        InventoryStore.StoredSpec stored = fleet.inventory().storedSpec(cluster.id())
                .orElseThrow(() -> FleetException.conflict("cluster " + cluster.name() + " has no imported spec"));
        String cert;
        String ca;
        try {
            cert = nodeCertificates.issue(cluster.name(), pkiDirectory(stored), stored.trustAnchorPem(), req.csr(), h.nodeName());
            ca = nodeCertificates.caCertificatePem(cluster.name(), pkiDirectory(stored), stored.trustAnchorPem());
        } catch (PkiException | IllegalArgumentException e) {
            throw FleetException.invalid("csr: " + e.getMessage());
        } catch (BootstrapException e) {
            throw new FleetException(FleetException.Kind.CONFLICT, "bootstrap-refused", e.getMessage());
        }
        fleet.audit("agent:" + hostId, "node-certificate.issue", h.hostname(), "CN=" + h.nodeName());
        return new Responses.Registered(hostId, op.poolId(), cert, ca, 0);
    }

    /** Fails RUNNING operations whose agent has not reported within the lease. Single-leader work. */
    public int reapExpired() {
        int n = 0;
        for (Operation op : fleet.operations().leaseExpired(fleet.now())) {
            Host h = host(op.hostId());
            if (fail(op, h, "agent stopped reporting for more than " + fleet.timing().lease().toSeconds() + " s")) {
                n++;
            }
        }
        return n;
    }

    /** After a server restart every RUNNING operation gets a fresh lease, so its agent has time to reconnect and resume. */
    public int extendLeasesAfterRestart() {
        long until = fleet.now() + fleet.timing().lease().toMillis();
        int n = fleet.jdbc().update("update operation set lease_until = ? where state = 'RUNNING'", until);
        if (n > 0) {
            fleet.hub().record(null, null, "server.recovered", n + " running operations wait for their agents to resume");
        }
        return n;
    }

    private boolean fail(Operation op, Host h, String reason) {
        if (fleet.operations().finish(op.id(), OperationState.FAILED, reason, fleet.now())) {
            finished(op, h, OperationState.FAILED, reason);
            return true;
        }
        return false;
    }

    private void finished(Operation op, Host h, OperationState outcome, String reason) {
        HostState next = switch (op.kind()) {
            case BOOTSTRAP, UPGRADE -> outcome == OperationState.SUCCEEDED ? HostState.READY : HostState.FAILED;
            case UNINSTALL -> outcome == OperationState.SUCCEEDED ? HostState.UNINSTALLED : HostState.FAILED;
            case ROTATE_CREDENTIALS -> h.state();
        };
        fleet.hosts().setState(h.id(), next);
        if (op.kind() == OperationKind.UNINSTALL && outcome == OperationState.SUCCEEDED) {
            fleet.hosts().leavePool(h.id());
        }
        String msg = op.kind().wireName() + " of " + h.hostname() + " " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + (reason.isEmpty() ? "" : ": " + reason);
        fleet.hub().record(op.poolId(), h.id(), "operation." + outcome.name().toLowerCase(java.util.Locale.ROOT), msg);
        if (next != h.state()) {
            fleet.hub().record(op.poolId(), h.id(), "host.state", h.hostname() + " is now " + next);
        }
    }

    private Redactor redactor(Operation op) {
        Pool pool = fleet.inventory().pool(op.poolId()).orElseThrow();
        List<String> secrets = fleet.inventory().activation(pool.clusterId()).map(a -> List.of(a.code())).orElse(List.of());
        return new Redactor(secrets);
    }

    private Operation ownOperation(String hostId, String operationId) {
        Operation op = fleet.operations().byId(operationId).orElseThrow(() -> FleetException.notFound("operation " + operationId));
        if (!op.hostId().equals(hostId)) {
            // Do not reveal that another host's operation exists.
            throw FleetException.notFound("operation " + operationId);
        }
        return op;
    }

    private Host host(String hostId) {
        return fleet.hosts().byId(hostId).orElseThrow(() -> FleetException.notFound("host " + hostId));
    }

    private static Optional<java.nio.file.Path> pkiDirectory(InventoryStore.StoredSpec stored) {
        return Optional.ofNullable(stored.pkiDirectory()).map(java.nio.file.Path::of);
    }

    /** How the host differs from its cluster's spec; a cluster whose spec does not load is one condition. */
    public List<Drift.Condition> drift(Host h, Pool pool) {
        FleetCluster cluster = fleet.inventory().cluster(pool.clusterId()).orElseThrow();
        try {
            return Drift.of(designs.of(cluster), cluster.name(), h.hostname(), pool.name(), h.facts());
        } catch (BootstrapException e) {
            return List.of(new Drift.Condition("spec", e.getMessage()));
        }
    }

    /** An operator accepts the host's differences from the spec (or withdraws that); audited. */
    public void overrideDrift(String actor, String hostId, boolean override) {
        Host h = host(hostId);
        fleet.hosts().setDriftOverride(h.id(), override);
        fleet.audit(actor, override ? "host.drift-override" : "host.drift-override-cleared", h.hostname(), "");
        fleet.hub().record(h.poolId(), h.id(), "host.drift", h.hostname() + (override ? ": drift accepted by " + actor + "; bootstrap no longer held"
                : ": drift override withdrawn"));
    }
}
