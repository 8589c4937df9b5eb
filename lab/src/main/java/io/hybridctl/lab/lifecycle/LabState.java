package io.hybridctl.lab.lifecycle;

import java.util.List;

/**
 * What `lab up` wrote to the lab's state directory: enough for `lab test`, `lab fault` and `lab down` run as later
 * commands. Namespaces and processes are also found by prefix when this file is missing or stale.
 */
public record LabState(String lab, String specFile, long createdAtMillis, List<String> namespaces,
                       List<LabProcess> processes) {

    public LabState {
        namespaces = List.copyOf(namespaces);
        processes = List.copyOf(processes);
    }

    public LabState withProcess(LabProcess process) {
        List<LabProcess> all = new java.util.ArrayList<>(processes);
        all.add(process);
        return new LabState(lab, specFile, createdAtMillis, namespaces, all);
    }

    public LabState withoutProcess(long pid) {
        return new LabState(lab, specFile, createdAtMillis, namespaces,
                processes.stream().filter(p -> p.pid() != pid).toList());
    }
}
