package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.LabName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a lab: its processes (by PID, from the state file and from each lab namespace), its namespaces (which
 * removes their veths and routes with them) and its state directory. Works from what is found on the machine, so it
 * also cleans up after a `kill -9` of the lab process or a half-finished `up`.
 */
public final class Teardown {

    private final Shell shell;
    private final Namespaces namespaces;

    public Teardown(Shell shell) {
        this.shell = shell;
        this.namespaces = new Namespaces(shell);
    }

    public record Removed(List<String> namespaces, List<Long> processes) {
        public boolean nothing() {
            return namespaces.isEmpty() && processes.isEmpty();
        }
    }

    public Removed down(LabName lab, StateDirectory state) {
        Set<Long> targets = new LinkedHashSet<>();
        state.read().ifPresent(s -> s.processes().stream().filter(Processes::isSame).forEach(p -> targets.add(p.pid())));
        List<String> found = namespaces.withPrefix(lab.prefix());
        for (String ns : found) {
            targets.addAll(namespaces.pids(ns));
        }
        Set<Long> stopped = new LinkedHashSet<>(Processes.stopAll(targets));
        List<String> removed = new ArrayList<>();
        for (String ns : found) {
            if (shell.tryRun(List.of("ip", "netns", "delete", ns)).ok()) {
                removed.add(ns);
            }
        }
        state.delete();
        return new Removed(removed, List.copyOf(stopped));
    }

    /** What a `down` would find: used by `up` to refuse a dirty state. */
    public List<String> leftovers(LabName lab, StateDirectory state) {
        List<String> left = new ArrayList<>(namespaces.withPrefix(lab.prefix()));
        if (state.exists()) {
            left.add(state.dir().toString());
        }
        return left;
    }
}
