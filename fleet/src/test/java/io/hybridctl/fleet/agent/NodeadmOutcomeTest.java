package io.hybridctl.fleet.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeadmOutcomeTest {

    @Test
    void exitZeroWithTheMissingInstallMessageIsAFailure() {
        var r = new Executor.Result(0, false, List.of("{\"level\":\"info\",\"msg\":\"Nodeadm components are not installed. Please run `nodeadm install` before running init\"}"));
        assertThat(NodeadmOutcome.failure(r)).hasValueSatisfying(m -> assertThat(m).startsWith("exit 0 but").contains("not installed"));
    }

    @Test
    void fatalLogLinesFailEvenWithExitZero() {
        var r = new Executor.Result(0, false, List.of("{\"level\":\"fatal\",\"msg\":\"failed to get firewalld status\"}"));
        assertThat(NodeadmOutcome.failure(r)).isPresent();
    }

    @Test
    void nonZeroExitAndTimeoutsFail() {
        assertThat(NodeadmOutcome.failure(new Executor.Result(1, false, List.of("boom")))).hasValue("exit 1: boom");
        assertThat(NodeadmOutcome.failure(new Executor.Result(124, true, List.of()))).hasValue("timed out");
    }

    @Test
    void cleanRunsSucceed() {
        assertThat(NodeadmOutcome.failure(new Executor.Result(0, false, List.of("{\"level\":\"info\",\"msg\":\"done\"}")))).isEmpty();
    }
}
