package io.hybridctl.lab.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ProcessShellTest {

    /** Generous: the machine may be loaded; the point is that the call returns at all, and kills what it started. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aCommandThatNeverExitsAndNeverClosesItsOutputIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path childPid = dir.resolve("child.pid");
        // The background sleep keeps stdout open after its parent is gone; the parent itself never exits either.
        List<String> hung = List.of("sh", "-c", "sleep 600 & echo $! > " + childPid + "; echo started; exec sleep 600");
        Shell.Result result = assertTimeoutPreemptively(DEADLINE, () -> new ProcessShell(Duration.ofSeconds(1)).tryRun(hung));

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.output()).contains("did not finish within 1 s");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        assertThat(awaitGone(pid)).as("the background child %d is killed too", pid).isTrue();
    }

    @Test
    void aCommandThatExitsLeavingAChildOnItsOutputStillReturns() {
        Shell.Result result = new ProcessShell(Duration.ofSeconds(30)).tryRun(List.of("sh", "-c", "echo done; sleep 3 &"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("done");
    }

    @Test
    void outputAndExitCodeOfAnOrdinaryCommand() {
        Shell shell = new ProcessShell();
        assertThat(shell.tryRun(List.of("sh", "-c", "echo out; echo err >&2; exit 3"))).isEqualTo(new Shell.Result(3, "out\nerr\n"));
        assertThat(shell.tryRun(List.of("/nonexistent/tool")).exitCode()).isEqualTo(127);
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
