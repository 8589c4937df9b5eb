package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.security.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessExecutorTest {

    private final ProcessExecutor executor = new ProcessExecutor();

    @Test
    void capturesOutputAndRedactsSecrets() {
        var r = executor.run(List.of("sh", "-c", "echo code=TopSecretValue42; echo to stderr >&2; exit 3"), Duration.ofSeconds(10),
                new Redactor(List.of("TopSecretValue42")));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.output()).containsExactly("code=" + Redactor.MASK, "to stderr");
    }

    @Test
    void killsOnTimeout() {
        long t0 = System.nanoTime();
        var r = executor.run(List.of("sleep", "30"), Duration.ofMillis(300), Redactor.patternsOnly());
        assertThat(r.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(NodeadmOutcome.failure(r)).hasValue("timed out");
    }

    @Test
    void aMissingBinaryIsReportedNotThrown() {
        var r = executor.run(List.of("/nonexistent/nodeadm", "init"), Duration.ofSeconds(5), Redactor.patternsOnly());
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.output().get(0)).contains("cannot start");
    }
}
