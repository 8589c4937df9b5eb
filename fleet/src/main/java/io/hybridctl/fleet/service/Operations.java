package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.bootstrap.NodeCertificateIssuer;
import io.hybridctl.fleet.bootstrap.NodeConfigInput;
import io.hybridctl.fleet.bootstrap.NodeConfigRenderer;
import io.hybridctl.fleet.bootstrap.SpecNodeConfigRenderer;
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
import io.hybridctl.fleet.server.ApiException;
import io.hybridctl.fleet.store.InventoryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final NodeConfigRenderer renderer;
    private final SpecNodeConfigRenderer specRenderer;
    private final NodeCertificateIssuer nodeCertificates;

    public Operations(Fleet fleet, NodeConfigRenderer renderer, SpecNodeConfigRenderer specRenderer, NodeCertificateIssuer nodeCertificates) {
        this.fleet = fleet;
        this.renderer = renderer;
        this.specRenderer = specRenderer;
        this.nodeCertificates = nodeCertificates;
    }

    /** Puts a host in a pool and starts its bootstrap. */
    public Operation assign(String actor, String hostId, String poolId) {
        return fleet.jdbc().tx(() -> {
            Host h = host(hostId);
            Pool pool = fleet.inventory().pool(poolId).orElseThrow(() -> ApiException.notFound("pool " + poolId));
            if (h.poolId() != null && !h.poolId().equals(poolId)) {
                throw ApiException.conflict("host " + h.hostname() + " is in another pool; uninstall it first");
            }
            if (!fleet.hosts().assign(hostId, poolId)) {
                throw ApiException.conflict("host " + h.hostname() + " could not be assigned");
            }
            fleet.audit(actor, "host.assign", h.hostname(), "pool=" + pool.name());
            fleet.hub().record(poolId, hostId, "host.assigned", h.hostname() + " assigned to pool " + pool.name());
            return createIn(actor, h, pool, OperationKind.BOOTSTRAP);
        });
    }

    public Operation create(String actor, Requests.CreateOperation req) {
        OperationKind kind;
        try {
            kind = OperationKind.fromWire(req.kind());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind: " + e.getMessage());
        }
        return fleet.jdbc().tx(() -> {
            Host h = host(req.hostId());
            if (h.poolId() == null) {
                throw ApiException.conflict("host " + h.hostname() + " is not in a pool; assign it first");
            }
            Pool pool = fleet.inventory().pool(h.poolId()).orElseThrow();
            return createIn(actor, h, pool, kind);
        });
    }

    private Operation createIn(String actor, Host h, Pool pool, OperationKind kind) {
        Optional<Operation> active = fleet.operations().active(h.id());
        if (active.isPresent()) {
            throw ApiException.conflict("host " + h.hostname() + " already has " + active.get().kind().wireName()
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
            throw ApiException.conflict("operation " + operationId + " is already " + op.state());
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
            NodeConfigInput.Credentials creds;
            if ("ssm".equals(rev.credentialProvider())) {
                Optional<InventoryStore.Activation> act = fleet.inventory().activation(cluster.id());
                if (act.isEmpty()) {
                    fail(op, h, "no SSM activation uploaded for cluster " + cluster.name()
                            + "; upload one with: hybridctl fleet activation set " + cluster.name());
                    throw ApiException.conflict("operation " + operationId + " failed: no SSM activation for cluster " + cluster.name());
                }
                creds = new NodeConfigInput.Ssm(act.get().id(), act.get().code());
                secrets.add(act.get().code());
            } else {
                Optional<String[]> ira = fleet.jdbc().one("select trust_anchor_arn, profile_arn, role_arn from ira_settings where cluster_id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, cluster.id());
                if (ira.isEmpty()) {
                    fail(op, h, "no IAM Roles Anywhere settings for cluster " + cluster.name()
                            + "; set them with: hybridctl fleet iam-roles-anywhere set " + cluster.name());
                    throw ApiException.conflict("operation " + operationId + " failed: no IAM Roles Anywhere settings");
                }
                nodeName = nodeNameFor(h);
                creds = new NodeConfigInput.IamRolesAnywhere(nodeName, ira.get()[0], ira.get()[1], ira.get()[2], IRA_CERT_PATH, IRA_KEY_PATH);
                certSpec = new Responses.NodeCertificateSpec(nodeName, IRA_CERT_PATH, IRA_KEY_PATH);
                if (!nodeName.equals(h.nodeName())) {
                    fleet.hosts().setNodeName(h.id(), nodeName);
                }
            }
            NodeConfigInput.Credentials chosen = creds;
            String config = specRenderer.render(fleet.inventory().spec(cluster.id()).orElse(null), h.hostname(), creds)
                    .orElseGet(() -> renderer.render(new NodeConfigInput(cluster.name(), cluster.region(), chosen, rev.kubeletExtra(), List.of())));
            files.add(new Responses.PlanFile(NODECONFIG_PATH, "0600", config));
        }
        long now = fleet.now();
        if (!fleet.operations().claim(op.id(), hostId, now, now + fleet.timing().lease().toMillis())) {
            throw ApiException.conflict("operation " + operationId + " can no longer be claimed");
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
            throw ApiException.conflict("operation " + operationId + " is " + op.state() + ", not RUNNING");
        }
        if (report.step() >= op.kind().steps().size()) {
            throw ApiException.badRequest("step " + report.step() + " does not exist for " + op.kind().wireName());
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
            throw ApiException.conflict("operation " + operationId + " is not running");
        }
        Host h = host(hostId);
        if (h.nodeName() == null) {
            throw ApiException.conflict("operation " + operationId + " does not use IAM Roles Anywhere");
        }
        String cert;
        try {
            cert = nodeCertificates.issue(req.csr(), h.nodeName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("csr: " + e.getMessage());
        }
        fleet.audit("agent:" + hostId, "node-certificate.issue", h.hostname(), "CN=" + h.nodeName());
        return new Responses.Registered(hostId, op.poolId(), cert, nodeCertificates.caCertificatePem(), 0);
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
        Operation op = fleet.operations().byId(operationId).orElseThrow(() -> ApiException.notFound("operation " + operationId));
        if (!op.hostId().equals(hostId)) {
            // Do not reveal that another host's operation exists.
            throw ApiException.notFound("operation " + operationId);
        }
        return op;
    }

    private Host host(String hostId) {
        return fleet.hosts().byId(hostId).orElseThrow(() -> ApiException.notFound("host " + hostId));
    }

    /** IAM Roles Anywhere node name: the host name, cut to nodeadm's 64-character limit. */
    static String nodeNameFor(Host h) {
        String n = h.hostname().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    public Map<String, Object> view(Operation op) {
        Operation full = fleet.operations().withSteps(op);
        return Map.of("id", full.id(), "hostId", full.hostId(), "poolId", full.poolId(), "kind", full.kind().wireName(),
                "state", full.state(), "reason", full.reason(), "profileRevision", full.profileRevision(),
                "steps", full.steps(), "createdAt", full.createdAt(), "updatedAt", full.updatedAt());
    }
}
