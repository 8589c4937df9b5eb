package io.hybridctl.aws.ssm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteActivationsTest {

    @Test
    void theLimitIsTheHostCountPlusAMarginWithinSsmsCeiling() {
        assertThat(SiteActivations.registrationLimit(1)).isEqualTo(3);
        assertThat(SiteActivations.registrationLimit(2)).isEqualTo(4);
        assertThat(SiteActivations.registrationLimit(10)).isEqualTo(12);
        assertThat(SiteActivations.registrationLimit(100)).isEqualTo(120);
        assertThat(SiteActivations.registrationLimit(990)).isEqualTo(1000);
        assertThat(SiteActivations.LIFETIME.toDays()).isLessThanOrEqualTo(30);
    }

    @Test
    void ssmTakesTheRoleNameNotItsArn() {
        assertThat(SiteActivations.roleName("arn:aws:iam::123456789012:role/path/demo-hybrid-HybridNodesRole-X")).isEqualTo("demo-hybrid-HybridNodesRole-X");
        assertThat(SiteActivations.roleName("plain")).isEqualTo("plain");
    }
}
