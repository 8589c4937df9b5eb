package io.hybridctl.plan.render.site;

import io.hybridctl.net.Protocol;
import io.hybridctl.plan.design.DesignResult;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.plan.intent.FirewallRule;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hybridctl.plan.TestSpecs.SiteShape;
import static io.hybridctl.plan.TestSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** The nft, CSV and Markdown renderings carry every firewall rule of the intent (nft itself runs in RealConsumersTest). */
class FirewallRendererTest {

    private final HybridCluster spec = spec(Cni.Plugin.CILIUM, Cni.PodRouting.BGP, 25,
            List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/23"), List.of("e1", "e2"))));
    private final List<FirewallRule> rules = ((DesignResult.Derived) Designer.derive(spec, LockFile.empty("test"))).design().intent()
            .firewallRulesBySite().get("east");

    @Test
    void everyRuleIsOneAcceptLineOfTheForwardChain() {
        String nft = new FirewallRenderer().nftables("test", "east", rules);
        assertThat(nft).startsWith("#!/usr/sbin/nft -f\n").contains("table inet hybridctl_east {");
        List<String> accepts = nft.lines().filter(l -> l.contains("counter accept comment")).toList();
        assertThat(accepts).hasSize(rules.size());
        assertThat(accepts).anyMatch(l -> l.contains("tcp dport 443") && l.contains("out: kubelet to Kubernetes API server"));
        assertThat(accepts).anyMatch(l -> l.contains("icmp type echo-request"));
        assertThat(nft).contains("elements = { 192.168.1.0/24 }");
    }

    @Test
    void endpointRulesNameTheHostToResolve() {
        String nft = new FirewallRenderer().nftables("test", "east", rules);
        assertThat(nft).contains("set endpoint_ssm_us_west_2_amazonaws_com {")
                .contains("comment \"fill with the addresses of ssm.us-west-2.amazonaws.com\"");
    }

    @Test
    void csvHasAHeaderAndOneRowPerRule() {
        String csv = new FirewallRenderer().csv(rules);
        assertThat(csv.lines().count()).isEqualTo(rules.size() + 1);
        assertThat(csv.lines().skip(1)).allMatch(l -> l.contains(",tcp,") || l.contains(",udp,") || l.contains(",icmp,") || l.contains(",esp,"));
        assertThat(csv).contains("VPN: ESP (IP protocol 50)");
        assertThat(rules).anyMatch(r -> r.protocol() == Protocol.ICMP);
    }
}
