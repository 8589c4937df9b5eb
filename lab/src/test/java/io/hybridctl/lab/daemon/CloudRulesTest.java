package io.hybridctl.lab.daemon;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.design.LabDesign;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudRulesTest {

    @Test
    void theVpcRulesetHoldsTheSecurityGroupAndEachSitesSelectors() {
        LabDesign design = RootLab.design("two-site-ira.yaml", "unit");
        String rules = CloudRules.vpc(design.topology(), design.intent());
        assertThat(rules).contains("iifname \"s0\" ip saddr != { 10.80.0.0/24, 10.85.0.0/20 }")
                .contains("iifname \"s1\" ip saddr != { 10.80.1.0/24, 10.85.16.0/20 }")
                .contains("tcp dport 443").contains("tcp dport 10250").contains("tcp dport 9443")
                .contains("ct state established,related accept");
        assertThat(rules.indexOf("VPN selectors")).isLessThan(rules.indexOf("SG:"));
    }

    @Test
    void plansFirewallIsLoadedUnchangedExceptTheDropPolicyWhenEnforced() {
        LabDesign design = RootLab.design("lab-cilium-bgp.yaml", "unit");
        String plain = new PlanArtifacts(false).firewallNft(design, "lab").orElseThrow();
        String enforced = new PlanArtifacts(true).firewallNft(design, "lab").orElseThrow();
        assertThat(enforced).startsWith(plain).endsWith("chain inet hybridctl_lab forward { policy drop; }\n");
    }
}
