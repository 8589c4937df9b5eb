package io.hybridctl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs src/test/shell/session.sh: the command line as a user's shell sees it (stdin, exit codes, completion). */
class ShellSessionTest {

    @Test
    void aScriptedSessionBehavesAsDocumented(@TempDir Path work) throws Exception {
        Path repo = CliRun.repo().toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("cli/src/test/shell/session.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("HYBRIDCTL_JAVA", ProcessHandle.current().info().command().orElse("java"));
        pb.environment().put("HYBRIDCTL_CP", System.getProperty("java.class.path"));
        pb.environment().put("HYBRIDCTL_REPO", repo.toString());
        pb.environment().put("WORK", work.toString());
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("0 failure(s)");
    }
}
