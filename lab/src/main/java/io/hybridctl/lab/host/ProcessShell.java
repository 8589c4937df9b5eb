package io.hybridctl.lab.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes with a time limit that holds even when a command never exits and never closes its
 * output: the output is read on its own thread while this one waits for the exit, and on time-out the whole process
 * tree is killed (a child left holding the pipe would otherwise keep the reader, and the lab, waiting).
 */
public final class ProcessShell implements Shell {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** How long the output of a finished or killed command may take to drain once the process is gone. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Duration timeout;

    public ProcessShell() {
        this(DEFAULT_TIMEOUT);
    }

    public ProcessShell(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Result tryRun(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(127, "cannot run " + command.getFirst() + ": " + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("shell-output").start(() -> drain(process.getInputStream(), out));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                reader.join(DRAIN);
                return new Result(124, command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            // The command exited; a background child of it may still hold the pipe, so the drain is bounded too.
            if (!reader.join(DRAIN)) {
                killTree(process);
                reader.join(DRAIN);
            }
            synchronized (out) {
                return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command.getFirst()));
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the stream closes under us when the process is killed: what was read so far is kept
        }
    }

    /** Children first, from a snapshot taken while the parent still lives (once it dies they are reparented). */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // nothing more to read
        }
    }

    @Override
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
}
