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

    /** Each test class uses its own lab name, so tests of other classes or other checkouts never collide. */
    public static LabDesign design(String example, String labName) {
        return new LabDesigner().design(example(example), Optional.of(new LabName(labName)));
    }

    public static List<String> namespacesOf(LabName name) {
        return new io.hybridctl.lab.lifecycle.Namespaces(new io.hybridctl.lab.host.Shell()).withPrefix(name.prefix());
    }
}
