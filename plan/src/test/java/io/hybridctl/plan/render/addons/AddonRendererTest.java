package io.hybridctl.plan.render.addons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddonRendererTest {

    /** trafficDistribution is alpha and gated off in 1.30: the API server would drop it without a word. */
    @Test
    void kubeDnsGetsTrafficDistributionFrom131AndTopologyAwareRoutingBefore() {
        AddonRenderer r = new AddonRenderer();
        assertThat(r.kubeDnsPatch("1.31")).contains("trafficDistribution: PreferClose").doesNotContain("topology-mode");
        assertThat(r.kubeDnsPatch("1.36")).contains("trafficDistribution: PreferClose");
        assertThat(r.kubeDnsPatch("1.30")).doesNotContain("trafficDistribution").contains("service.kubernetes.io/topology-mode: Auto");
    }
}
