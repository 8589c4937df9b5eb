package io.hybridctl.lab.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Stops processes by PID, after checking the PID still names the process the lab started. */
public final class Processes {

    private static final long GRACE_MILLIS = 2000;

    private Processes() {
    }

    /** Field 22 of /proc/PID/stat, the start time in clock ticks after boot; empty when the process is gone. */
    public static Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces; fields after its closing parenthesis are plain.
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(rest[19]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Alive and not a zombie: on machines whose PID 1 does not reap orphans (some containers), a stopped daemon stays
     * a zombie forever, yet it holds no socket and no namespace.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The recorded process is still running: same PID, same start time, not a zombie. */
    public static boolean isSame(LabProcess process) {
        return startTicks(process.pid()).map(t -> t == process.startTicks()).orElse(false)
                && ProcessHandle.of(process.pid()).map(Processes::running).orElse(false);
    }

    public static LabProcess describe(long pid, String namespace, String role) {
        return new LabProcess(pid, startTicks(pid).orElse(-1L), namespace, role);
    }

    /** SIGTERM, then SIGKILL after a grace period; true when the process is gone. */
    public static boolean stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        handle.get().destroy();
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (running(handle.get()) && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        if (running(handle.get())) {
            handle.get().destroyForcibly();
            deadline = System.currentTimeMillis() + GRACE_MILLIS;
            while (running(handle.get()) && System.currentTimeMillis() < deadline) {
                sleep(20);
            }
        }
        return !running(handle.get());
    }

    /** Stops many processes at once: SIGTERM to all, one shared grace period, then SIGKILL to what is left. */
    public static java.util.List<Long> stopAll(java.util.Collection<Long> pids) {
        java.util.List<ProcessHandle> handles = new java.util.ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                handles.add(h);
            });
        }
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (handles.stream().anyMatch(Processes::running) && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        handles.stream().filter(Processes::running).forEach(ProcessHandle::destroyForcibly);
        deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (handles.stream().anyMatch(Processes::running) && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        return handles.stream().filter(h -> !running(h)).map(ProcessHandle::pid).toList();
    }


    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
