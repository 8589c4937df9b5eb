package io.hybridctl.lab.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's network tools as child processes. Arguments are passed as a list, never through a shell, so a
 * host or site name can never become a command.
 */
public final class Shell {

    private static final long TIMEOUT_SECONDS = 30;

    /** Runs a command to completion; throws with its output when it exits non-zero. */
    public String run(List<String> command) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new CommandFailedException(command, result.exitCode(), result.output());
        }
        return result.output();
    }

    public String run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command and returns its exit code and combined output, whatever the exit code. */
    public Result tryRun(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(124, command.getFirst() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, "cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command.getFirst()));
        }
    }

    /**
     * Starts a long-running process detached from this JVM (new session, stdin from /dev/null, output to a log file)
     * so that it outlives `lab up` and is stopped later by its PID.
     */
    public long startDetached(List<String> command, Path log) {
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start().pid();
        } catch (IOException e) {
            throw new CommandFailedException(full, 127, "cannot start: " + e.getMessage());
        }
    }

    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }
}
