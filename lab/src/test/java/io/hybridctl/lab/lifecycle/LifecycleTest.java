package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.LabException;
import io.hybridctl.lab.run.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Up, kill -9 of the lab process, then down: no namespace and no process may be left. */
@Tag("lab")
class LifecycleTest {

    private static final String SPEC = "lab-cilium-bgp.yaml";

    @Test
    void downAfterKill9OfTheLabProcessLeavesNoNamespaceAndNoProcess() throws Exception {
        RootLab.assumeMachine();
        Lab lab = RootLab.lab();
        String name = RootLab.unique("tkill");
        LabDesign design = RootLab.design(SPEC, name);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process labProcess = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dhybridctl.repo=" + System.getProperty("hybridctl.repo", ".."), UpAndWait.class.getName(), SPEC, name)
                .redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(labProcess.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.equals("UP")) {
                System.out.println("lab process: " + line);
            }
            assertThat(line).as("the lab came up").isEqualTo("UP");
        } finally {
            labProcess.destroyForcibly(); // SIGKILL: no shutdown hook runs
            labProcess.waitFor(10, TimeUnit.SECONDS);
        }
        LabState state = lab.state(design.name()).read().orElseThrow();
        assertThat(RootLab.namespacesOf(design.name())).hasSize(design.topology().namespaces().size());
        assertThat(state.processes()).allMatch(Processes::isSame);

        assertThatThrownBy(() -> lab.up(design, false, Progress.silent()))
                .isInstanceOf(LabException.class).hasMessageContaining("lab down").hasMessageContaining("--force");

        Teardown.Removed removed = lab.down(design.name());

        assertThat(removed.namespaces()).hasSize(design.topology().namespaces().size());
        assertThat(RootLab.namespacesOf(design.name())).isEmpty();
        assertThat(state.processes()).noneMatch(Processes::isSame);
        assertThat(lab.state(design.name()).exists()).isFalse();
        assertThat(lab.down(design.name()).nothing()).as("a second down finds nothing").isTrue();
    }

    @Test
    void aFailedUpRemovesEverythingItCreated() {
        RootLab.assumeMachine();
        Lab lab = RootLab.lab();
        LabDesign design = RootLab.design(SPEC, RootLab.unique("tfail"));
        // An address no interface can take makes the address phase fail after the namespaces exist.
        var broken = new io.hybridctl.lab.design.LabDesign(design.name(), design.specFile(), design.spec(), design.intent(), design.model(),
                new io.hybridctl.lab.topology.LabTopology(design.name(), new io.hybridctl.lab.topology.LabTopology.VpcSide(
                        design.topology().vpc().netns(), design.topology().vpc().cidrs(),
                        List.of(io.hybridctl.net.Ipv4Address.of(0xE0000001L)), List.of()), design.topology().sites()));
        assertThatThrownBy(() -> lab.up(broken, true, Progress.silent())).isInstanceOf(LabException.class)
                .hasMessageContaining("everything it created was removed");
        assertThat(RootLab.namespacesOf(design.name())).isEmpty();
        assertThat(lab.state(design.name()).exists()).isFalse();
    }
}
