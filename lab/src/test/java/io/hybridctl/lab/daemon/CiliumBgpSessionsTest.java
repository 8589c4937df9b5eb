package io.hybridctl.lab.daemon;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.spec.model.Host;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading plan's rendered Cilium BGP resources back gives every node the session plan's intent describes. */
class CiliumBgpSessionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lab-cilium-bgp.yaml", "two-site-ira.yaml"})
    void everyNodesSessionFromTheRenderedResourcesMatchesTheIntent(String example) {
        LabDesign design = RootLab.design(example, "unit");
        CiliumBgpSessions sessions = new CiliumBgpSessions(design.spec(), design.intent());
        assertThat(design.intent().bgpSpeakers()).isNotEmpty();
        for (BgpSpeaker speaker : design.intent().bgpSpeakers()) {
            Host host = design.spec().hosts().filter(h -> h.name().equals(speaker.host())).findFirst().orElseThrow();
            GobgpSpeaker.Session fromCrds = sessions.session(host).orElseThrow();
            assertThat(fromCrds.localAsn()).isEqualTo(speaker.localAsn());
            assertThat(fromCrds.peerAddress()).isEqualTo(speaker.peerAddress());
            assertThat(fromCrds.peerAsn()).isEqualTo(speaker.peerAsn());
            assertThat(fromCrds.holdTimeSeconds()).isEqualTo(speaker.holdTimeSeconds());
            assertThat(fromCrds.keepaliveTimeSeconds()).isEqualTo(speaker.keepaliveTimeSeconds());
            assertThat(fromCrds.gracefulRestart()).isEqualTo(speaker.gracefulRestart());
            assertThat(fromCrds.advertised()).containsExactlyInAnyOrderElementsOf(speaker.advertised());
        }
    }
}
