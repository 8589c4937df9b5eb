package io.hybridctl.lab.fault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveFaultsTest {

    @Test
    void faultsSurviveBetweenCommandsInOrderAndClear(@TempDir Path dir) {
        ActiveFaults faults = new ActiveFaults(dir);
        List<Fault> all = List.of(new Fault.StopSpeaker("node-01"), new Fault.CutVpn("lab", "node-01"),
                new Fault.DropFirewallRule("lab", "API server to kubelet", "api-to-kubelet/node-01"),
                new Fault.RemoveStaticRoute("node-02"), new Fault.SiteDown("dc-east", "east-01"));
        all.forEach(faults::add);
        assertThat(new ActiveFaults(dir).read()).containsExactlyElementsOf(all);
        faults.clear();
        assertThat(faults.read()).isEmpty();
    }
}
