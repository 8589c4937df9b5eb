package io.hybridctl.lab.fault;

import io.hybridctl.lab.check.Observation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fault did: when it was detected (the first failing probe of its victim flow), when the router withdrew
 * the route (for routing faults), and which flows fail and keep working once it has settled.
 */
public record FaultReport(Fault fault, long detectionMillis, Optional<Long> withdrawalMillis, List<Observation> failing,
                          List<Observation> working) {

    public FaultReport {
        failing = List.copyOf(failing);
        working = List.copyOf(working);
    }

    public List<String> failingIds() {
        return failing.stream().map(o -> o.flow().id()).toList();
    }

    public List<String> workingIds() {
        return working.stream().map(o -> o.flow().id()).toList();
    }

    public void print(PrintWriter out) {
        out.println("Fault: " + fault.describe());
        out.printf(Locale.ROOT, "  detected after   %7.2f s (first failed probe of %s)%n", detectionMillis / 1000.0, fault.victimFlowId());
        withdrawalMillis.ifPresent(w -> out.printf(Locale.ROOT, "  route withdrawn  %7.2f s after the fault%n", w / 1000.0));
        out.println("  flows now failing (" + failing.size() + "):");
        failing.forEach(o -> out.println("    x " + o.flow().endpoints() + "  [" + o.detail() + "]"));
        out.println("  flows still working (" + working.size() + "):");
        working.forEach(o -> out.println("    . " + o.flow().endpoints()));
        out.flush();
    }

    /** Times of `lab fault --restore`. */
    public record Recovery(Fault fault, long recoveryMillis, boolean recovered) {
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "Restored: %s, %s after %.2f s%n", fault.describe(),
                    recovered ? "flows recovered" : "flows NOT recovered", recoveryMillis / 1000.0);
            out.flush();
        }
    }
}
