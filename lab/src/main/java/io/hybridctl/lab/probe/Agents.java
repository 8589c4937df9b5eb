package io.hybridctl.lab.probe;

import io.hybridctl.net.Protocol;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.lifecycle.LabProcess;
import io.hybridctl.lab.lifecycle.Processes;
import io.hybridctl.lab.topology.Service;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a Listener JVM inside a namespace and finds its control socket. */
public final class Agents {

    // Small, quick-starting JVMs: one runs in every namespace with a service or a probe source.
    private static final List<String> JVM_FLAGS = List.of("-Xms8m", "-Xmx32m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-Xshare:auto");

    private final Shell shell;
    private final Path controlDir;

    public Agents(Shell shell, Path controlDir) {
        this.shell = shell;
        this.controlDir = controlDir;
    }

    public Path control(String namespace) {
        return controlDir.resolve(namespace + ".sock");
    }

    public ProbeClient client(String namespace) {
        return new ProbeClient(control(namespace));
    }

    public LabProcess start(String namespace, String label, List<Service> services) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, javaBinary()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classPath(), Listener.class.getName(), "--label", label,
                "--control", control(namespace).toString()));
        for (Service service : services) {
            for (Protocol p : service.protocols()) {
                command.add(p == Protocol.TCP ? "--tcp" : "--udp");
                command.add(Integer.toString(service.port()));
            }
        }
        long pid = shell.startDetached(command, controlDir.resolve(namespace + ".log"));
        pids.put(namespace, pid);
        return Processes.describe(pid, namespace, "listener");
    }

    /** Waits until every listed agent answers; returns the namespaces that did not. */
    public List<String> awaitReady(List<String> namespaces, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> pending = new ArrayList<>(namespaces);
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            pending.removeIf(ns -> Files.exists(control(ns)) && client(ns).ready());
            if (!pending.isEmpty() && pending.stream().allMatch(this::exited)) {
                break;
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return pending;
    }

    private final java.util.Map<String, Long> pids = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean exited(String namespace) {
        Long pid = pids.get(namespace);
        return pid != null && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    /** Where Listener's class lives: the lab's jar (or classes directory), which is all it needs. */
    static String classPath() {
        try {
            return new File(Listener.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }
}
