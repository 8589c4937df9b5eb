package io.hybridctl.aws.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteNetworksTest {

    @Test
    void aChangeListsWhatEachListGainsAndLoses() {
        RemoteNetworks now = new RemoteNetworks(List.of("10.80.0.0/24", "10.81.0.0/24"), List.of("10.85.0.0/20"));
        RemoteNetworks want = new RemoteNetworks(List.of("10.80.0.0/24", "10.82.0.0/24"), List.of());
        RemoteNetworks.Change c = want.from(now);
        assertThat(c.addedNodes()).containsExactly("10.82.0.0/24");
        assertThat(c.removedNodes()).containsExactly("10.81.0.0/24");
        assertThat(c.addedPods()).isEmpty();
        assertThat(c.removedPods()).containsExactly("10.85.0.0/20");
        assertThat(c.removed()).containsExactly("10.81.0.0/24", "10.85.0.0/20");
        assertThat(c.empty()).isFalse();
    }

    @Test
    void orderDoesNotMakeAChange() {
        RemoteNetworks a = new RemoteNetworks(List.of("10.81.0.0/24", "10.80.0.0/24"), List.of());
        RemoteNetworks b = new RemoteNetworks(List.of("10.80.0.0/24", "10.81.0.0/24"), List.of());
        assertThat(a).isEqualTo(b);
        assertThat(a.from(b).empty()).isTrue();
    }
}
