package io.hybridctl.lab.run;

import io.hybridctl.lab.fault.Fault;
import io.hybridctl.lab.fault.FaultReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sites, eBGP from AS 64512 to each site router; seed 002's story: one site goes down, the other carries on. */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoSiteLabTest {

    private SharedLab shared;

    @BeforeAll
    void up() {
        shared = new SharedLab("two-site-ira.yaml", "ttwosite");
    }

    @AfterAll
    void down() {
        if (shared != null) {
            shared.down();
        }
    }

    @Test
    void everyFlowAgreesWithVerifyAndEverySessionIsEstablished() {
        var report = shared.agreesWithVerify();
        assertThat(report.routing().sessions()).hasSize(5).allMatch(Convergence.Session::established);
    }

    @Test
    void whenOneSiteGoesDownTheOtherSiteKeepsEveryFlow() {
        FaultReport report = shared.inject(new Fault.SiteDown("dc-east", "east-01"));
        assertThat(report.failingIds()).contains("kubelet-to-api/east-01", "api-to-kubelet/east-02", "api-to-webhook/east-03")
                .noneMatch(id -> id.contains("west-"));
        assertThat(report.workingIds()).contains("kubelet-to-api/west-01", "api-to-kubelet/west-02", "api-to-webhook/west-01",
                "pod-to-api/west-02", "pod-to-pod/west-01");
        shared.restoreAndRecover();
    }
}
