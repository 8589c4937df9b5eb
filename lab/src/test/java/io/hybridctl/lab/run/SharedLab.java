package io.hybridctl.lab.run;

import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.check.LabTestReport;
import io.hybridctl.lab.check.LabTester;
import io.hybridctl.lab.flows.FaultProbes;
import io.hybridctl.lab.fault.Fault;
import io.hybridctl.lab.fault.FaultInjector;
import io.hybridctl.lab.fault.FaultReport;

import java.io.PrintWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One lab brought up once per test class and shared by its assertions, to keep the suite's runtime low. */
final class SharedLab {

    final PrintWriter out = new PrintWriter(System.out, true);
    final Lab lab;
    final LabDesign design;
    final LabTester required;

    SharedLab(String example, String name) {
        RootLab.assumeMachine();
        lab = RootLab.lab();
        design = RootLab.design(example, RootLab.unique(name));
        required = new LabTester(lab, new FaultProbes());
        lab.up(design, true, new Progress(out, false));
    }

    /** `lab test` against verify: every flow must agree; returns the report for further checks. */
    LabTestReport agreesWithVerify() {
        LabTestReport report = new LabTester(lab, lab.catalogue()).testWhenConverged(design);
        report.print(out);
        assertThat(report.routing().converged()).as("routing converged").isTrue();
        assertThat(report.observations()).isNotEmpty();
        assertThat(report.disagreements()).isEmpty();
        return report;
    }

    FaultReport inject(Fault fault) {
        FaultReport report = new FaultInjector(lab, design, required).inject(fault);
        report.print(out);
        return report;
    }

    void restoreAndRecover() {
        List<FaultReport.Recovery> recoveries = new FaultInjector(lab, design, required).restoreAll();
        recoveries.forEach(r -> r.print(out));
        assertThat(recoveries).allMatch(FaultReport.Recovery::recovered);
        assertThat(required.testWhenConverged(design).disagreements()).isEmpty();
    }

    void down() {
        new FaultInjector(lab, design, required).restoreAll();
        lab.down(design.name());
        assertThat(RootLab.namespacesOf(design.name())).isEmpty();
    }
}
