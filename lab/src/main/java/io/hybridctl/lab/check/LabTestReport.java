package io.hybridctl.lab.check;

import io.hybridctl.lab.run.Convergence;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The result of `lab test`: each flow observed next to its static verdict, BGP sessions and router routes. */
public record LabTestReport(String verdictSource, List<Observation> observations, Convergence routing, long probeMillis) {

    public LabTestReport {
        observations = List.copyOf(observations);
    }

    public List<Observation> disagreements() {
        return observations.stream().filter(o -> !o.agrees()).toList();
    }

    public boolean passed() {
        return disagreements().isEmpty();
    }

    public void print(PrintWriter out) {
        out.println("Routing: " + (routing.converged() ? "converged" : "NOT converged")
                + (routing.millis() > 0 ? String.format(Locale.ROOT, " (waited %.2f s)", routing.millis() / 1000.0) : ""));
        for (Convergence.Session s : routing.sessions()) {
            out.printf(Locale.ROOT, "  bgp  %-12s %-16s %-12s %d prefixes%n", s.site(), s.neighbor(), s.state(), s.prefixesReceived());
        }
        for (Convergence.RouterRoute r : routing.routes()) {
            out.printf(Locale.ROOT, "  route %-11s %-18s via %-16s %s%n", r.site(), r.destination(), r.via(), r.protocol());
        }
        routing.missing().forEach(m -> out.println("  missing: " + m));
        out.println();
        out.println("Flows (observed in the lab vs " + verdictSource + ")");
        out.printf(Locale.ROOT, "  %-4s %-64s %-11s %-11s %s%n", "", "flow", "expected", "observed", "detail");
        for (Observation o : observations) {
            out.printf(Locale.ROOT, "  %-4s %-64s %-11s %-11s %s%n", o.agrees() ? "ok" : "FAIL",
                    o.flow().endpoints(), o.flow().expected().name().toLowerCase(Locale.ROOT),
                    o.observed().name().toLowerCase(Locale.ROOT),
                    o.reachable() ? String.format(Locale.ROOT, "%.1f ms %s", o.micros() / 1000.0, o.detail()) : o.detail());
        }
        List<Observation> bad = disagreements();
        if (!bad.isEmpty()) {
            out.println();
            out.println(bad.size() + " disagreement(s): the model or the renderer is wrong for these flows");
            for (Observation o : bad) {
                out.println("  " + o.flow().id() + ": " + o.flow().description());
                out.println("    static: " + o.flow().expected().name().toLowerCase(Locale.ROOT) + " -- " + o.flow().expectedTrace());
                out.println("    lab:    " + o.observed().name().toLowerCase(Locale.ROOT) + " -- " + o.detail());
            }
        }
        out.printf(Locale.ROOT, "%n%d flows probed in %.2f s: %d agree, %d disagree%n", observations.size(),
                probeMillis / 1000.0, observations.size() - bad.size(), bad.size());
        out.flush();
    }
}
