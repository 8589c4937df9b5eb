package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.security.Redactor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** nodeadm debug's output shapes, judged; and how often the agent runs it. */
class NodeadmDebugCheckTest {

    @Test
    void everyValidationPassingIsHealthy() {
        Requests.Check c = judge(0, "* Validating access to AWS SSM API endpoint [Success]", "* Validating swap configuration [Success]");
        assertThat(c.ok()).isTrue();
        assertThat(c.name()).isEqualTo("nodeadm-debug");
        assertThat(c.detail()).isEqualTo("2 validations passed");
    }

    @Test
    void aFailedValidationFailsEvenWhenNodeadmExitsZero() {
        Requests.Check c = judge(0, "* Validating NTP synchronization status [Success]",
                "* Validating access to Kubernetes API endpoint [Failed]",
                "  └─ Error", "     └─ operation error EKS: DescribeCluster, AccessDeniedException",
                "* Validating kubelet server certificate [Failed]");
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("2 of 3 validations failed: Validating access to Kubernetes API endpoint;"
                + " Validating kubelet server certificate (nodeadm exited 0)");
    }

    @Test
    void colourCodesAndTheUnstarredClusterDetailsLineAreUnderstood() {
        Requests.Check c = judge(1, "\u001B[32m* Validating swap configuration [Success]\u001B[0m",
                "Retrieving cluster details \u001B[31m[Failed]\u001B[0m",
                "Issues found during validation. Please follow the remediation advice above.");
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("1 of 2 validations failed: Retrieving cluster details");
    }

    @Test
    void issuesReportedWithoutResultLinesStillFail() {
        Requests.Check c = judge(0, "Issues found during validation. Please follow the remediation advice above.");
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).contains("issues found during validation").contains("exit 0");
    }

    @Test
    void aFatalLogLineAnExitCodeOrNoResultsAtAllFail() {
        assertThat(judge(0, "{\"level\":\"fatal\",\"msg\":\"loading config: open /etc/x: no such file\"}").detail())
                .startsWith("nodeadm debug: exit 0 but").contains("fatal");
        assertThat(judge(2, "unknown command \"debug\" for \"nodeadm\"").detail()).isEqualTo("nodeadm debug: exit 2: unknown command \"debug\" for \"nodeadm\"");
        Requests.Check silent = judge(0);
        assertThat(silent.ok()).isFalse();
        assertThat(silent.detail()).isEqualTo("nodeadm debug printed no validation results (exit 0)");
    }

    @Test
    void aTimeOutFails() {
        Requests.Check c = NodeadmDebugCheck.judge(new Executor.Result(-1, true, List.of("* Validating swap configuration [Success]")));
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).contains("timed out");
    }

    @Test
    void aLongReportIsCutToTheServersLimit() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("* Validating something rather long number " + i + " [Failed]");
        }
        Requests.Check c = judge(1, lines.toArray(String[]::new));
        assertThat(c.detail()).hasSize(1000).endsWith("…");
    }

    @Test
    void theSimulatorsConfigurableResultGoesThroughTheSameJudgement() {
        SimulatedExecutor failing = new SimulatedExecutor(Duration.ZERO, "debug", 0, 1);
        Requests.Check bad = new NodeadmDebugCheck(failing, Redactor.patternsOnly(), Duration.ofMinutes(5)).run(Path.of("/etc/hybridctl/nodeconfig.yaml"));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.detail()).contains("Validating NTP synchronization status").contains("exited 0");
        SimulatedExecutor passing = new SimulatedExecutor(Duration.ZERO, null, 0, 1);
        Requests.Check good = new NodeadmDebugCheck(passing, Redactor.patternsOnly(), Duration.ofMinutes(5)).run(Path.of("/etc/hybridctl/nodeconfig.yaml"));
        assertThat(good.ok()).isTrue();
        assertThat(good.detail()).isEqualTo(SimulatedExecutor.DEBUG_VALIDATIONS.size() + " validations passed");
    }

    @Test
    void itRunsInTheBackgroundAtMostOncePerPeriodWithTheRightCommand() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<List<String>> commands = java.util.Collections.synchronizedList(new ArrayList<>());
        Executor counting = (argv, timeout, redactor) -> {
            runs.incrementAndGet();
            commands.add(argv);
            return new Executor.Result(0, false, List.of("* Validating swap configuration [Success]"));
        };
        NodeadmDebugCheck check = new NodeadmDebugCheck(counting, Redactor.patternsOnly(), Duration.ofHours(1));
        Path config = Path.of("/etc/hybridctl/nodeconfig.yaml");
        long deadline = System.currentTimeMillis() + 60_000;
        while (check.poll(config).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(check.poll(config)).get().extracting(Requests.Check::ok).isEqualTo(true);
        for (int i = 0; i < 20; i++) {
            check.poll(config);
        }
        assertThat(runs).hasValue(1);
        assertThat(commands.get(0)).containsExactly("nodeadm", "debug", "-c", "file:///etc/hybridctl/nodeconfig.yaml", "--no-color");
    }

    @Test
    void afterAnOperationTheOldResultIsDroppedAndARunStartsAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Executor failingThenPassing = (argv, timeout, redactor) -> new Executor.Result(0, false,
                List.of("* Validating swap configuration " + (runs.incrementAndGet() == 1 ? "[Failed]" : "[Success]")));
        NodeadmDebugCheck check = new NodeadmDebugCheck(failingThenPassing, Redactor.patternsOnly(), Duration.ofHours(1));
        Path config = Path.of("/etc/hybridctl/nodeconfig.yaml");
        assertThat(awaitResult(check, config).ok()).isFalse();

        check.forget();
        assertThat(check.poll(config)).as("no stale result").satisfiesAnyOf(
                r -> assertThat(r).isEmpty(), r -> assertThat(r).get().extracting(Requests.Check::ok).isEqualTo(true));
        assertThat(awaitResult(check, config).ok()).isTrue();
        assertThat(runs).hasValue(2);
    }

    private static Requests.Check awaitResult(NodeadmDebugCheck check, Path config) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var r = check.poll(config);
            if (r.isPresent()) {
                return r.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no nodeadm debug result in 5 s");
    }

    private static Requests.Check judge(int exit, String... lines) {
        return NodeadmDebugCheck.judge(new Executor.Result(exit, false, List.of(lines)));
    }
}
