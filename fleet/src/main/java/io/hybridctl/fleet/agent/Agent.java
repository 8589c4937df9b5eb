package io.hybridctl.fleet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.PemCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host agent: registers once with the token (key generated here), then speaks mTLS only: heartbeats with facts
 * and checks, claims its operations and runs them. Every network failure leads to a jittered, capped backoff.
 */
public final class Agent implements AutoCloseable {

    /** A failure the agent cannot fix by retrying (bad token, key mismatch): the process should exit. */
    public static final class FatalAgentError extends Exception {
        public FatalAgentError(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    /** How often `nodeadm debug` runs: it calls AWS and the API server, so not at every heartbeat. */
    static final Duration NODEADM_DEBUG_PERIOD = Duration.ofMinutes(5);

    private final AgentOptions opts;
    private final ObjectMapper json = ApiJson.mapper();
    private final Executor executor;
    private final FactsCollector factsCollector;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<String> running = new AtomicReference<>();
    private final Set<String> finished = new HashSet<>();
    private volatile Duration heartbeat = Duration.ofSeconds(10);
    private volatile String ssmInstanceId;
    private volatile Thread opThread;
    private final Redactor redactor;
    private final NodeadmDebugCheck nodeadmDebug;
    /** Whether nodeadm has configured this host (a bootstrap or upgrade ran, no uninstall since). */
    private volatile boolean configured;

    public Agent(AgentOptions opts) {
        this.opts = opts;
        this.executor = opts.simulate()
                ? new SimulatedExecutor(opts.simStep(), opts.simFail(), opts.simFailRate(), opts.machineId() == null ? 0 : opts.machineId().hashCode())
                : new ProcessExecutor();
        this.factsCollector = new FactsCollector(opts.hostname(), opts.machineId(),
                opts.simulate() ? (opts.simFacts() == null ? SimulatedFacts.NONE : opts.simFacts()) : null);
        this.redactor = new Redactor(opts.token() == null ? List.of() : List.of(opts.token()));
        this.ssmInstanceId = opts.ssmInstanceId();
        this.nodeadmDebug = new NodeadmDebugCheck(executor, redactor, NODEADM_DEBUG_PERIOD);
        this.configured = Files.exists(nodeConfig());
    }

    private Path nodeConfig() {
        return opts.root().resolve(io.hybridctl.fleet.service.Operations.NODECONFIG_PATH.substring(1));
    }

    /** Runs until {@link #close()} or a fatal error. */
    public void run() throws FatalAgentError, IOException {
        OperationRunner.ensureDir(opts.stateDir());
        AgentIdentity identity = AgentIdentity.openOrCreate(opts.stateDir());
        X509Certificate ca = trustAnchor(identity);
        if (identity.certificate().isEmpty() || identity.hostId().isEmpty()) {
            register(identity, ca);
        }
        Backoff backoff = new Backoff(Duration.ofMillis(500), opts.maxBackoff());
        AgentClient client = mtls(identity, ca);
        while (!stopped.get()) {
            try {
                List<String> ops = heartbeat(client);
                backoff.reset();
                for (String op : ops) {
                    startIfIdle(client, op);
                }
                sleep(heartbeat);
            } catch (IOException e) {
                Duration d = backoff.next();
                LOG.warn("server unreachable ({}); retrying in {} ms", redactor.redact(e.getMessage()), d.toMillis());
                sleep(d);
            } catch (CertificateRejected e) {
                LOG.warn("the server no longer accepts this agent's certificate: {}", e.getMessage());
                if (opts.token() == null) {
                    throw new FatalAgentError("certificate rejected and no --token to re-register with");
                }
                register(identity, ca);
                client.close();
                client = mtls(identity, ca);
            }
        }
        client.close();
    }

    private static final class CertificateRejected extends Exception {
        CertificateRejected(String m) {
            super(m);
        }
    }

    private X509Certificate trustAnchor(AgentIdentity identity) throws IOException, FatalAgentError {
        Optional<X509Certificate> saved = identity.savedCa();
        if (saved.isPresent()) {
            return saved.get();
        }
        if (opts.caFile() != null) {
            try {
                return PemCodec.readX509(Files.readString(opts.caFile()), opts.caFile().toString());
            } catch (PkiException e) {
                throw new FatalAgentError(e.getMessage() + " (--ca-file)");
            }
        }
        if (opts.caFingerprint() != null) {
            Backoff b = new Backoff(Duration.ofMillis(500), opts.maxBackoff());
            while (!stopped.get()) {
                try {
                    return CaDiscovery.fetchPinned(opts.server(), opts.caFingerprint(), json);
                } catch (IOException e) {
                    if (e.getMessage() != null && e.getMessage().contains("does not match")) {
                        throw new FatalAgentError(e.getMessage());
                    }
                    Duration d = b.next();
                    LOG.warn("cannot fetch the server CA ({}); retrying in {} ms", e.getMessage(), d.toMillis());
                    sleep(d);
                }
            }
        }
        throw new FatalAgentError("the agent needs --ca-file or --ca-fingerprint to trust the server");
    }

    private void register(AgentIdentity identity, X509Certificate ca) throws FatalAgentError, IOException {
        if (opts.token() == null) {
            throw new FatalAgentError("not registered yet: pass --token");
        }
        Backoff backoff = new Backoff(Duration.ofMillis(500), opts.maxBackoff());
        try (AgentClient client = new AgentClient(opts.server(), TlsContexts.client(ca, null, null), json)) {
            while (!stopped.get()) {
                HostFacts facts = factsCollector.collect();
                try {
                    AgentClient.Response r = client.post("/api/v1/agent/register",
                            new Requests.Register(opts.token(), identity.csrPem(facts.hostname()), facts));
                    if (r.ok()) {
                        Responses.Registered reg = client.read(r, Responses.Registered.class);
                        identity.saveRegistration(reg.hostId(), reg.certificate(), reg.caCertificate());
                        heartbeat = Duration.ofSeconds(Math.max(1, reg.heartbeatSeconds()));
                        LOG.info("registered as host {}", reg.hostId());
                        return;
                    }
                    if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
                        throw new FatalAgentError("registration refused (" + r.status() + "): " + detail(r));
                    }
                    Duration d = backoff.next();
                    LOG.warn("registration answered {}; retrying in {} ms", r.status(), d.toMillis());
                    sleep(d);
                } catch (IOException e) {
                    Duration d = backoff.next();
                    LOG.warn("cannot reach the server to register ({}); retrying in {} ms", redactor.redact(String.valueOf(e.getMessage())), d.toMillis());
                    sleep(d);
                }
            }
        }
    }

    private AgentClient mtls(AgentIdentity identity, X509Certificate ca) {
        return new AgentClient(opts.server(), TlsContexts.client(ca, identity.privateKey(), identity.certificate().orElseThrow()), json);
    }

    private List<String> heartbeat(AgentClient client) throws IOException, CertificateRejected {
        List<Requests.Check> checks = checks();
        AgentClient.Response r = client.post("/api/v1/agent/heartbeat", new Requests.Heartbeat(factsCollector.collect(), checks, ssmInstanceId));
        if (r.status() == 401) {
            throw new CertificateRejected(detail(r));
        }
        if (!r.ok()) {
            throw new IOException("heartbeat answered " + r.status() + ": " + detail(r));
        }
        Responses.HeartbeatAck ack = client.read(r, Responses.HeartbeatAck.class);
        heartbeat = Duration.ofSeconds(Math.max(1, ack.heartbeatSeconds()));
        return ack.operations();
    }

    private List<Requests.Check> checks() {
        Path root = opts.root();
        Path existing = root.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            // Before the first operation the root may not exist yet; its file system is the one that counts.
            existing = existing.getParent();
        }
        long free = existing.toFile().getUsableSpace();
        List<Requests.Check> checks = new java.util.ArrayList<>();
        checks.add(new Requests.Check("disk", free > 1L << 30, (free >> 20) + " MiB free under " + root));
        // Once nodeadm has configured kubelet, its service must be running; before that there is nothing to check.
        if (!opts.simulate() && Files.exists(root.resolve("etc/kubernetes/kubelet/config.json"))) {
            Executor.Result r = executor.run(List.of("systemctl", "is-active", "kubelet"), Duration.ofSeconds(5), redactor);
            checks.add(new Requests.Check("kubelet", r.exitCode() == 0, String.join(" ", r.output())));
        }
        // nodeadm's own validations, once the host is configured and while no operation is changing it.
        if (configured && running.get() == null) {
            nodeadmDebug.poll(nodeConfig()).ifPresent(checks::add);
        }
        return checks;
    }

    private void startIfIdle(AgentClient client, String operationId) {
        synchronized (finished) {
            if (finished.contains(operationId)) {
                return;
            }
        }
        if (!running.compareAndSet(null, operationId)) {
            return;
        }
        opThread = Thread.ofVirtual().name("op-" + operationId).start(() -> {
            try {
                claimAndRun(client, operationId);
            } finally {
                synchronized (finished) {
                    finished.add(operationId);
                }
                running.set(null);
            }
        });
    }

    private void claimAndRun(AgentClient client, String operationId) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), opts.maxBackoff());
        Responses.OperationPlan plan = null;
        while (!stopped.get() && plan == null) {
            try {
                AgentClient.Response r = client.post("/api/v1/agent/operations/" + operationId + "/claim", null);
                if (r.ok()) {
                    plan = client.read(r, Responses.OperationPlan.class);
                } else if (r.status() >= 400 && r.status() < 500) {
                    LOG.warn("operation {} cannot be claimed: {}", operationId, detail(r));
                    return;
                } else {
                    sleep(backoff.next());
                }
            } catch (IOException e) {
                sleep(backoff.next());
            }
        }
        if (plan == null) {
            return;
        }
        OperationRunner runner = new OperationRunner(executor, opts.root(), opts.simulate(), new Reporter(client), LOG);
        runner.run(plan, opts.token());
        configured = !plan.kind().equals(io.hybridctl.fleet.model.OperationKind.UNINSTALL.wireName()) && Files.exists(nodeConfig());
        // The operation changed the node: a result from before it says nothing about it now.
        nodeadmDebug.forget();
        if (opts.simulate() && "ssm".equals(plan.credentialProvider()) && ssmInstanceId == null) {
            // A simulated SSM registration yields a stable managed-instance id, as the real registration file would.
            ssmInstanceId = "mi-" + Secrets.sha256Hex(String.valueOf(opts.machineId()).getBytes()).substring(0, 17);
        } else if (!opts.simulate()) {
            readSsmRegistration().ifPresent(id -> ssmInstanceId = id);
        }
    }

    private Optional<String> readSsmRegistration() {
        try {
            Path f = opts.root().resolve("var/lib/amazon/ssm/registration");
            if (Files.exists(f)) {
                JsonNode n = json.readTree(Files.readString(f));
                return Optional.ofNullable(n.path("ManagedInstanceID").asText(null));
            }
        } catch (IOException ignored) {
            // No registration file yet.
        }
        return Optional.empty();
    }

    private final class Reporter implements OperationRunner.Reporter {
        private final AgentClient client;

        Reporter(AgentClient client) {
            this.client = client;
        }

        @Override
        public boolean report(String operationId, Requests.StepReport report) {
            Backoff backoff = new Backoff(Duration.ofMillis(500), opts.maxBackoff());
            while (!stopped.get()) {
                try {
                    AgentClient.Response r = client.post("/api/v1/agent/operations/" + operationId + "/report", report);
                    if (r.ok()) {
                        return true;
                    }
                    if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
                        LOG.warn("report for operation {} refused: {}", operationId, detail(r));
                        return false;
                    }
                } catch (IOException e) {
                    // Keep the report and retry: the server may be restarting.
                }
                sleep(backoff.next());
            }
            return false;
        }

        @Override
        public Optional<String> nodeCertificate(String operationId, String csrPem) {
            try {
                AgentClient.Response r = client.post("/api/v1/agent/operations/" + operationId + "/node-certificate",
                        new Requests.NodeCertificate(csrPem));
                return r.ok() ? Optional.of(client.read(r, Responses.Registered.class).certificate()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private String detail(AgentClient.Response r) {
        try {
            JsonNode n = json.readTree(r.body());
            return redactor.redact(n.path("detail").asText(r.body()));
        } catch (IOException e) {
            return "HTTP " + r.status();
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
        }
    }

    public boolean busy() {
        return running.get() != null;
    }

    @Override
    public void close() {
        stopped.set(true);
        Thread t = opThread;
        if (t != null) {
            t.interrupt();
        }
    }
}
