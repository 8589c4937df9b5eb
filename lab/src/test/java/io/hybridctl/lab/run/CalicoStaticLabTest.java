package io.hybridctl.lab.run;

import io.hybridctl.lab.check.Observation;
import io.hybridctl.lab.fault.Fault;
import io.hybridctl.lab.fault.FaultReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001's static variant with Calico: FRR with one static route per host block, no BGP. */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalicoStaticLabTest {

    private SharedLab shared;

    @BeforeAll
    void up() {
        shared = new SharedLab("lab-calico-static.yaml", "tstatic");
    }

    @AfterAll
    void down() {
        if (shared != null) {
            shared.down();
        }
    }

    @Test
    void everyFlowAgreesWithVerifyAndTheRouterHoldsOneStaticRoutePerHost() {
        var report = shared.agreesWithVerify();
        assertThat(report.routing().sessions()).isEmpty();
        assertThat(report.routing().routes()).filteredOn(r -> r.protocol().equals("static"))
                .extracting(r -> r.destination() + " via " + r.via())
                .containsExactlyInAnyOrder("192.168.32.0/26 via 192.168.200.11", "192.168.32.64/26 via 192.168.200.12");
        assertThat(report.observations()).filteredOn(o -> o.flow().id().startsWith("apiserver-to-webhook"))
                .isNotEmpty().allMatch(Observation::reachable);
    }

    @Test
    void removingOneStaticRouteCutsOnlyThatHostsPods() {
        FaultReport report = shared.inject(new Fault.RemoveStaticRoute("node-01"));
        assertThat(report.withdrawalMillis()).isPresent();
        assertThat(report.failingIds()).containsExactlyInAnyOrder("api-to-webhook/node-01", "pod-to-api/node-01");
        assertThat(report.workingIds()).contains("api-to-kubelet/node-01", "kubelet-to-api/node-01",
                "api-to-webhook/node-02", "pod-to-api/node-02", "pod-to-pod/node-01");
        shared.restoreAndRecover();
    }
}
