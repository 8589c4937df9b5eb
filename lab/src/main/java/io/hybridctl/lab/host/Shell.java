package io.hybridctl.lab.host;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the machine's network tools. Arguments are a list, never a shell line, so a host or site name can never become
 * a command. {@link ProcessShell} runs them for real; tests give the lab a fake.
 */
public interface Shell {

    /** Runs a command and returns its exit code and combined output, whatever the exit code (124: timed out). */
    Result tryRun(List<String> command);

    /**
     * Starts a long-running process detached from this JVM (new session, stdin from /dev/null, output to a log file)
     * so that it outlives `lab up` and is stopped later by its PID.
     */
    long startDetached(List<String> command, Path log);

    /** Runs a command to completion; throws with its output when it exits non-zero. */
    default String run(List<String> command) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new CommandFailedException(command, result.exitCode(), result.output());
        }
        return result.output();
    }

    default String run(String... command) {
        return run(List.of(command));
    }

    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }
}
