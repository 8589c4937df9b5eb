package io.hybridctl.lab.flows;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.probe.ProbeClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's per-host requirements placed in the lab topology: no root needed. */
class FaultProbesTest {

    @Test
    void everyHostGetsEveryRequirementWithItsPeersPods() {
        LabDesign design = RootLab.design("lab-cilium-bgp.yaml", "unitprobe");
        List<LabFlow> flows = new FaultProbes().flows(design);
        int hosts = design.topology().hosts().size();
        assertThat(flows).hasSize(7 * hosts);
        var host = design.topology().sites().getFirst().hosts().getFirst();
        var peer = design.topology().sites().getFirst().hosts().get(1);
        assertThat(flows).filteredOn(f -> f.id().equals("dns-udp/" + host.name())).singleElement().satisfies(f -> {
            assertThat(f.destination()).isEqualTo(peer.pods().getLast().address());
            assertThat(f.transport()).isEqualTo(ProbeClient.Transport.UDP);
            assertThat(f.sourceNamespace()).isEqualTo(host.pods().getFirst().netns().name());
        });
        assertThat(flows).allMatch(f -> f.expected() == LabFlow.Verdict.REACHABLE);
    }

    @Test
    void webhooksOnUnroutablePodsAreExpectedToFail() {
        LabDesign design = RootLab.design("unroutable-pods.yaml", "unitnone");
        List<LabFlow> flows = new FaultProbes().flows(design);
        assertThat(flows).filteredOn(f -> f.id().startsWith("api-to-webhook/")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.expected()).isEqualTo(LabFlow.Verdict.UNREACHABLE);
            assertThat(f.required()).isFalse();
            assertThat(f.description()).contains("pods unroutable");
        });
        assertThat(flows).filteredOn(f -> f.id().startsWith("pod-to-api/")).allMatch(f -> f.description().endsWith("(masqueraded)"));
    }
}
