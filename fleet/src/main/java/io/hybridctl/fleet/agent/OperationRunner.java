package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.OperationState;
import io.hybridctl.fleet.model.StepState;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.TlsKeys;
import io.hybridctl.pki.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one claimed operation: each step from the first one not yet SUCCEEDED (so a resumed operation does not
 * repeat finished work), reporting RUNNING, then the step's result with its redacted output.
 */
final class OperationRunner {

    private static final Duration NODEADM_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration SHORT_TIMEOUT = Duration.ofMinutes(2);

    interface Reporter {
        /** Delivers a report, retrying while the server is unreachable; false when the server refuses it for good. */
        boolean report(String operationId, Requests.StepReport report);

        Optional<String> nodeCertificate(String operationId, String csrPem);
    }

    private final Executor executor;
    private final Path root;
    private final boolean simulated;
    private final Reporter reporter;
    private final org.slf4j.Logger log;

    OperationRunner(Executor executor, Path root, boolean simulated, Reporter reporter, org.slf4j.Logger log) {
        this.executor = executor;
        this.root = root;
        this.simulated = simulated;
        this.reporter = reporter;
        this.log = log;
    }

    void run(Responses.OperationPlan plan, String token) {
        Redactor redactor = new Redactor(withToken(plan.secrets(), token));
        log.info("operation {} ({}) started", plan.id(), plan.kind());
        for (Responses.PlanStep step : plan.steps()) {
            if (StepState.SUCCEEDED.name().equals(step.state())) {
                continue;
            }
            if (!reporter.report(plan.id(), new Requests.StepReport(step.index(), StepState.RUNNING, List.of("starting " + step.name()), null, null))) {
                log.warn("operation {} was taken away by the server; stopping", plan.id());
                return;
            }
            StepOutcome outcome = runStep(plan, step.name(), redactor);
            boolean last = step.index() == plan.steps().size() - 1;
            OperationState final_ = outcome.failure() != null ? OperationState.FAILED : last ? OperationState.SUCCEEDED : null;
            String reason = outcome.failure() == null ? null : step.name() + ": " + outcome.failure();
            reporter.report(plan.id(), new Requests.StepReport(step.index(),
                    outcome.failure() == null ? StepState.SUCCEEDED : StepState.FAILED, redactor.redact(outcome.log()), final_,
                    reason == null ? null : redactor.redact(reason)));
            if (outcome.failure() != null) {
                log.warn("operation {} failed at {}: {}", plan.id(), step.name(), redactor.redact(outcome.failure()));
                return;
            }
        }
        log.info("operation {} ({}) succeeded", plan.id(), plan.kind());
    }

    private record StepOutcome(List<String> log, String failure) {
    }

    private StepOutcome runStep(Responses.OperationPlan plan, String step, Redactor redactor) {
        try {
            return switch (step) {
                case "write-files" -> writeFiles(plan);
                case "nodeadm-install" -> nodeadm(List.of("nodeadm", "install", plan.kubernetesVersion(), "--credential-provider",
                        plan.credentialProvider()), redactor, this::installTrackerPresent);
                case "nodeadm-init" -> nodeadm(List.of("nodeadm", "init", "--config-source", "file://" + nodeConfigPath()), redactor, () -> null);
                case "nodeadm-upgrade" -> nodeadm(List.of("nodeadm", "upgrade", plan.kubernetesVersion(), "--config-source",
                        "file://" + nodeConfigPath()), redactor, () -> null);
                case "nodeadm-uninstall" -> nodeadm(List.of("nodeadm", "uninstall"), redactor, () -> null);
                case "restart-credential-helper" -> command(List.of("systemctl", "restart", "aws_signing_helper_update"), redactor);
                case "verify" -> command(List.of("systemctl", "is-active", "kubelet"), redactor);
                default -> new StepOutcome(List.of(), "unknown step " + step + "; upgrade the agent");
            };
        } catch (IOException | RuntimeException e) {
            return new StepOutcome(List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private StepOutcome writeFiles(Responses.OperationPlan plan) throws IOException {
        List<String> out = new ArrayList<>();
        for (Responses.PlanFile f : plan.files()) {
            Path target = under(f.path());
            if ("0600".equals(f.mode())) {
                AtomicFiles.writeSecret(target, f.content());
            } else {
                AtomicFiles.writePublic(target, f.content());
            }
            out.add("wrote " + f.path() + " (" + f.mode() + ")");
        }
        if (plan.nodeCertificate() != null) {
            Responses.NodeCertificateSpec spec = plan.nodeCertificate();
            KeyPair kp = TlsKeys.newKeyPair();
            String csr = TlsKeys.csrPem(kp, spec.commonName());
            Optional<String> cert = reporter.nodeCertificate(plan.id(), csr);
            if (cert.isEmpty()) {
                return new StepOutcome(out, "the server did not issue the IAM Roles Anywhere certificate");
            }
            AtomicFiles.writeSecret(under(spec.privateKeyPath()), PemCodec.privateKey(kp.getPrivate()));
            AtomicFiles.writePublic(under(spec.certificatePath()), cert.get());
            out.add("wrote " + spec.privateKeyPath() + " (0600, generated here) and " + spec.certificatePath() + " (CN=" + spec.commonName() + ")");
        }
        return new StepOutcome(out, null);
    }

    private interface PostCheck {
        String failure();
    }

    private StepOutcome nodeadm(List<String> argv, Redactor redactor, PostCheck post) {
        Executor.Result r = executor.run(argv, NODEADM_TIMEOUT, redactor);
        Optional<String> failure = NodeadmOutcome.failure(r);
        if (failure.isEmpty() && !simulated) {
            failure = Optional.ofNullable(post.failure());
        }
        return new StepOutcome(r.output(), failure.orElse(null));
    }

    private StepOutcome command(List<String> argv, Redactor redactor) {
        Executor.Result r = executor.run(argv, SHORT_TIMEOUT, redactor);
        return new StepOutcome(r.output(), r.exitCode() == 0 && !r.timedOut() ? null : "exit " + r.exitCode());
    }

    /** nodeadm install writes its tracker last; without it init would "succeed" with exit 0 and do nothing. */
    private String installTrackerPresent() {
        return Files.exists(under("/opt/nodeadm/tracker")) ? null : "nodeadm install exited 0 but /opt/nodeadm/tracker is missing";
    }

    private Path nodeConfigPath() {
        return under(io.hybridctl.fleet.service.Operations.NODECONFIG_PATH);
    }

    private Path under(String absolute) {
        Path p = root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + absolute);
        }
        return p;
    }

    private static List<String> withToken(List<String> secrets, String token) {
        List<String> all = new ArrayList<>(secrets);
        if (token != null) {
            all.add(token);
        }
        return all;
    }

    static void ensureDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }
}
