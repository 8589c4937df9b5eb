package io.hybridctl.lab.run;

import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.check.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** podRouting none: no router config, the nodes masquerade pod traffic, the pod CIDR stays unreachable from the VPC. */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnroutablePodsLabTest {

    private SharedLab shared;

    @BeforeAll
    void up() {
        shared = new SharedLab("unroutable-pods.yaml", "tnone");
    }

    @AfterAll
    void down() {
        if (shared != null) {
            shared.down();
        }
    }

    @Test
    void everyFlowAgreesWithVerifyAndThePodCidrIsIsolated() {
        var report = shared.agreesWithVerify();
        assertThat(report.observations()).filteredOn(o -> o.flow().id().startsWith("pod-cidr-isolated"))
                .isNotEmpty().allMatch(o -> o.flow().expected() == LabFlow.Verdict.UNREACHABLE && !o.reachable());
    }

    @Test
    void podTrafficReachesTheApiServerMasqueradedToTheNodeAddress() {
        var report = shared.required.testWhenConverged(shared.design);
        Observation podToApi = report.observations().stream().filter(o -> o.flow().id().equals("pod-to-api/branch-01"))
                .findFirst().orElseThrow();
        assertThat(podToApi.reachable()).isTrue();
        assertThat(podToApi.detail()).as("the API server sees the node address").endsWith("from 172.16.10.21");
        assertThat(report.disagreements()).isEmpty();
    }
}
