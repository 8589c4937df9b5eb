package io.hybridctl.lab.flows;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.probe.ProbeClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's required flows made concrete in the lab topology, with verify's verdicts: no root needed. */
class VerdictFlowsTest {

    @Test
    void aValidDesignsFlowsAreAllExpectedToWork() {
        LabDesign design = RootLab.design("lab-cilium-bgp.yaml", "unitverdict");
        List<LabFlow> flows = new VerdictFlows().flows(design);
        assertThat(flows).isNotEmpty().allSatisfy(f -> {
            assertThat(f.expected()).as(f.id() + ": " + f.expectedTrace()).isEqualTo(LabFlow.Verdict.REACHABLE);
            assertThat(f.expectedTrace()).isEqualTo("accepted");
            assertThat(f.sourceAddress()).isPresent();
        });
        assertThat(flows).extracting(f -> f.id().substring(0, f.id().indexOf('/')))
                .contains("node-to-apiserver", "apiserver-to-kubelet", "pod-to-pod", "node-to-bgp-peer");
        // bgpd answers on the router itself: a session probe, never a connection from the router
        assertThat(flows).filteredOn(f -> f.port() == 179).isNotEmpty().allMatch(f -> f.transport() == ProbeClient.Transport.BGP_SESSION);
        assertThat(flows).noneMatch(f -> f.sourceLabel().endsWith(" router"));
    }

    @Test
    void theCloudCannotReachUnroutablePodsAndVerifySaysWhere() {
        LabDesign design = RootLab.design("unroutable-pods.yaml", "unitiso");
        List<LabFlow> isolated = new VerdictFlows().flows(design).stream().filter(f -> f.id().startsWith("pod-cidr-isolated/")).toList();
        assertThat(isolated).isNotEmpty().allSatisfy(f -> {
            assertThat(f.expected()).isEqualTo(LabFlow.Verdict.UNREACHABLE);
            assertThat(f.expectedTrace()).startsWith("request ").contains(" at ");
        });
    }
}
