package io.hybridctl.lab.check;

import io.hybridctl.lab.flows.LabFlows;
import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.run.RouterWatch;

import java.util.List;
import java.util.Set;

/** `lab test`: probe every flow of the catalogue and read the routers' state. */
public final class LabTester {

    /** Long enough for a reply across the lab, short enough that a blocked flow costs little. */
    public static final int PROBE_TIMEOUT_MILLIS = 1000;

    private final Lab lab;
    private final LabFlows catalogue;

    public LabTester(Lab lab, LabFlows catalogue) {
        this.lab = lab;
        this.catalogue = catalogue;
    }

    public LabTestReport test(LabDesign design) {
        return test(design, catalogue.flows(design), Set.of());
    }

    public LabTestReport test(LabDesign design, List<LabFlow> flows, Set<String> sitesDown) {
        io.hybridctl.lab.run.Convergence routing = new RouterWatch(lab, design).snapshot(0, sitesDown);
        long start = System.nanoTime();
        List<Observation> observations = new FlowProber(lab.agents(design), PROBE_TIMEOUT_MILLIS, routing.sessions()).probe(flows);
        long probeMillis = (System.nanoTime() - start) / 1_000_000;
        return new LabTestReport(catalogue.source(), observations, routing, probeMillis);
    }

    /** Waits (up to a minute) for routing to settle, then probes: what `lab test` does after a separate `up`. */
    public LabTestReport testWhenConverged(LabDesign design) {
        io.hybridctl.lab.run.Convergence convergence = new RouterWatch(lab, design).awaitConvergence(60_000);
        LabTestReport report = test(design);
        return new LabTestReport(report.verdictSource(), report.observations(),
                new io.hybridctl.lab.run.Convergence(report.routing().converged(), convergence.millis(),
                        report.routing().sessions(), report.routing().routes(), report.routing().missing()),
                report.probeMillis());
    }

    public LabFlows catalogue() {
        return catalogue;
    }
}
