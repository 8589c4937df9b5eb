package io.hybridctl.lab.run;

import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.check.LabTestReport;
import io.hybridctl.lab.check.LabTester;
import io.hybridctl.lab.flows.FaultProbes;
import io.hybridctl.lab.fault.Fault;
import io.hybridctl.lab.fault.FaultInjector;
import io.hybridctl.lab.fault.FaultReport;
import io.hybridctl.lab.lifecycle.SafetyAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001's lab with Cilium BGP: one lab, the flow check and three fault scenarios on it. */
@Tag("lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiliumBgpLabTest {

    private final PrintWriter out = new PrintWriter(System.out, true);
    private Lab lab;
    private LabDesign design;
    private LabTester tester;
    private SafetyAudit.RootSnapshot before;

    @BeforeAll
    void up() {
        RootLab.assumeMachine();
        lab = RootLab.lab();
        design = RootLab.design("lab-cilium-bgp.yaml", RootLab.unique("tcilium"));
        tester = new LabTester(lab, new FaultProbes());
        before = SafetyAudit.RootSnapshot.take(lab.shell());
        lab.up(design, true, new Progress(out, false));
    }

    @AfterEach
    void restore() {
        if (lab != null) {
            new FaultInjector(lab, design, tester).restoreAll().forEach(r -> r.print(out));
        }
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.down(design.name());
            assertThat(RootLab.namespacesOf(design.name())).isEmpty();
        }
    }

    @Test
    void everyFlowOfVerifysCatalogueBehavesAsVerifySays() {
        LabTestReport report = new LabTester(lab, lab.catalogue()).testWhenConverged(design);
        report.print(out);
        assertThat(report.routing().converged()).as("routing converged").isTrue();
        assertThat(report.routing().sessions()).extracting(Convergence.Session::state).containsOnly("Established");
        assertThat(report.observations()).extracting(o -> o.flow().id().substring(0, o.flow().id().indexOf('/')))
                .contains("node-to-apiserver", "pod-to-apiserver", "apiserver-to-kubelet", "apiserver-to-webhook",
                        "pod-to-coredns", "pod-to-pod", "cilium-health", "node-to-bgp-peer", "cloud-pod-to-hybrid-pod");
        // Every required flow works; the design leaves cloud-pod -> hybrid-pod app traffic out of the firewall.
        assertThat(report.observations()).filteredOn(o -> !o.flow().id().startsWith("cloud-pod-to-hybrid-pod"))
                .allMatch(o -> o.flow().expected() == LabFlow.Verdict.REACHABLE && o.reachable());
        assertThat(report.disagreements()).isEmpty();
    }

    @Test
    void everyRequiredFlowPasses() {
        LabTestReport report = tester.testWhenConverged(design);
        assertThat(report.observations()).hasSize(14);
        assertThat(report.disagreements()).isEmpty();
    }

    @Test
    void theLabIsSealedOffFromTheMachinesOwnNetwork() {
        assertThat(new SafetyAudit(lab.shell()).violations(design.name())).isEmpty();
        SafetyAudit.RootSnapshot after = SafetyAudit.RootSnapshot.take(lab.shell());
        assertThat(after.links()).as("root namespace links").isEqualTo(before.links());
        assertThat(after.routes()).as("root namespace routes").isEqualTo(before.routes());
        assertThat(after.ruleset()).as("root namespace nftables ruleset").isEqualTo(before.ruleset());
    }

    @Test
    void stoppingANodesSpeakerWithdrawsItsPodBlockAndOnlyItsPodsBecomeUnreachable() {
        FaultReport report = inject(new Fault.StopSpeaker("node-01"));
        assertThat(report.withdrawalMillis()).isPresent();
        assertThat(report.failingIds()).contains("api-to-webhook/node-01", "pod-to-api/node-01")
                .noneMatch(id -> id.endsWith("node-02"));
        assertThat(report.workingIds()).contains("api-to-kubelet/node-01", "kubelet-to-api/node-01",
                "api-to-webhook/node-02", "pod-to-api/node-02");
        assertRecovers();
    }

    @Test
    void cuttingTheVpnBreaksEveryFlowToTheVpcButNotThoseInsideTheSite() {
        FaultReport report = inject(new Fault.CutVpn("lab", "node-01"));
        assertThat(report.failingIds()).contains("kubelet-to-api/node-01", "api-to-kubelet/node-02",
                "pod-to-api/node-01", "api-to-webhook/node-02");
        assertThat(report.workingIds()).contains("pod-to-pod/node-01", "dns-udp/node-02");
        assertRecovers();
    }

    @Test
    void droppingTheKubeletFirewallRuleBreaksOnlyApiServerToKubelet() {
        FaultReport report = inject(new Fault.DropFirewallRule("lab", "API server to kubelet", "api-to-kubelet/node-01"));
        assertThat(report.failingIds()).containsExactlyInAnyOrder("api-to-kubelet/node-01", "api-to-kubelet/node-02");
        assertThat(report.workingIds()).contains("kubelet-to-api/node-01", "api-to-webhook/node-01", "pod-to-api/node-02");
        assertRecovers();
    }

    private FaultReport inject(Fault fault) {
        FaultReport report = new FaultInjector(lab, design, tester).inject(fault);
        report.print(out);
        return report;
    }

    private void assertRecovers() {
        List<FaultReport.Recovery> recoveries = new FaultInjector(lab, design, tester).restoreAll();
        recoveries.forEach(r -> r.print(out));
        assertThat(recoveries).allMatch(FaultReport.Recovery::recovered);
        assertThat(tester.testWhenConverged(design).disagreements()).isEmpty();
    }
}
