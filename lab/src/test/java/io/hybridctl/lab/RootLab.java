package io.hybridctl.lab;

import io.hybridctl.lab.flows.VerdictFlows;
import io.hybridctl.lab.daemon.PlanArtifacts;
import io.hybridctl.lab.host.Preflight;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.design.LabDesigner;
import io.hybridctl.lab.topology.LabName;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Shared set-up of the tests that build real labs: they need root and the Debian daemons (CI has both). */
public final class RootLab {

    private RootLab() {
    }

    public static void assumeMachine() {
        assumeTrue(Preflight.ofThisMachine().problems(Lab.TOOLS).isEmpty(),
                "lab tests need root and " + Lab.TOOLS.stream().map(Preflight.Tool::debianPackage).distinct().toList());
    }

    public static Path example(String name) {
        String repo = System.getProperty("hybridctl.repo", "..");
        return Path.of(repo, "examples", name);
    }

    public static Lab lab() {
        return new Lab(Path.of("/run/hybridctl-lab-test"), Preflight.ofThisMachine(), new PlanArtifacts(true), new VerdictFlows());
    }

    /** This test run's suffix (from the JVM's PID), so labs of runs in other checkouts at the same time never collide. */
    private static final String RUN = Long.toString(ProcessHandle.current().pid() % (36L * 36 * 36 * 36), 36);

    /** A lab name unique to this class and this test run: each class passes its own base. */
    public static String unique(String base) {
        return base + RUN;
    }

    /** The design of an example under exactly this lab name (see {@link #unique}). */
    public static LabDesign design(String example, String labName) {
        return new LabDesigner().design(example(example), Optional.of(new LabName(labName)));
    }

    public static List<String> namespacesOf(LabName name) {
        return new io.hybridctl.lab.lifecycle.Namespaces(new io.hybridctl.lab.host.ProcessShell()).withPrefix(name.prefix());
    }
}
