package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.LabName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit itself must catch a leak: a veth whose peer sits outside the lab, and a default route. */
@Tag("lab")
class SafetyAuditTest {

    private final Shell shell = new io.hybridctl.lab.host.ProcessShell();

    @Test
    void reportsAVethWhosePeerIsOutsideTheLabAndADefaultRoute() {
        RootLab.assumeMachine();
        LabName lab = new LabName(RootLab.unique("taudit"));
        String inside = lab.namespace("a");
        String outside = "hlx-" + lab.value() + "-foreign";
        try {
            shell.run("ip", "netns", "add", inside);
            shell.run("ip", "netns", "add", outside);
            shell.run("ip", "-n", inside, "link", "add", "leak0", "type", "veth", "peer", "name", "x0", "netns", outside);
            shell.run("ip", "-n", inside, "addr", "add", "10.99.0.1/30", "dev", "leak0");
            shell.run("ip", "-n", inside, "link", "set", "leak0", "up");
            shell.run("ip", "-n", outside, "link", "set", "x0", "up");
            shell.run("ip", "-n", inside, "route", "add", "default", "via", "10.99.0.2");
            List<String> violations = new SafetyAudit(shell).violations(lab);
            assertThat(violations).anyMatch(v -> v.contains("leak0") && v.contains("outside the lab"))
                    .anyMatch(v -> v.contains("default route"));
        } finally {
            shell.tryRun(List.of("ip", "netns", "delete", inside));
            shell.tryRun(List.of("ip", "netns", "delete", outside));
        }
    }
}
