package io.hybridctl.plan.intent;

import io.hybridctl.net.Protocol;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hybridctl.plan.TestSpecs.p;
import static org.assertj.core.api.Assertions.assertThat;

class IntentsTest {

    private static NetworkIntent intent(String example) {
        RenderedPlan plan = Examples.plan(Examples.repo().resolve("examples/" + example + ".yaml"));
        return plan.intent();
    }

    @Test
    void securityGroupFollowsTheAwsTable() {
        NetworkIntent i = intent("lab-cilium-bgp");
        assertThat(i.securityGroupRules()).filteredOn(r -> r.direction() == Direction.INBOUND)
                .extracting(r -> r.cidr().toString() + ":" + r.ports()).containsExactly("192.168.200.0/24:443", "192.168.32.0/23:443");
        assertThat(i.securityGroupRules()).filteredOn(r -> r.direction() == Direction.OUTBOUND && r.reason().contains("kubelet"))
                .extracting(SecurityGroupRule::cidr).containsExactly(p("192.168.200.0/24"));
        assertThat(i.securityGroupRules()).filteredOn(r -> r.cidr().equals(p("192.168.32.0/23")) && r.direction() == Direction.OUTBOUND)
                .extracting(r -> r.ports().from()).containsExactlyElementsOf(Intents.WEBHOOK_PORTS);
        assertThat(i.securityGroupRules()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void unroutablePodsAreLeftOutOfRoutesSelectorsAndFirewallAndAreMasqueraded() {
        NetworkIntent i = intent("unroutable-pods");
        assertThat(i.remotePodNetworks()).isEmpty();
        assertThat(i.vpcRoutes()).extracting(VpcRoute::destination).containsOnly(p("172.16.10.0/24"));
        assertThat(i.ipsec()).singleElement().satisfies(s -> assertThat(s.children()).extracting(IpsecSelectors.Child::name).containsExactly("nodes"));
        assertThat(i.firewallRules()).noneMatch(r -> r.source() instanceof Peer.Cidrs c && c.prefixes().contains(p("10.200.0.0/16")));
        assertThat(i.masquerades()).hasSize(3).allSatisfy(m -> assertThat(p("10.200.0.0/16").contains(m.podBlock())).isTrue());
        assertThat(i.masquerades().get(0).translatedTo().toString()).isEqualTo("172.16.10.21");
        assertThat(i.routers()).isEmpty();
    }

    @Test
    void ipsecCarriesNodesAndPodsToTheVpcWhenPodsAreRoutable() {
        NetworkIntent i = intent("lab-cilium-bgp");
        assertThat(i.ipsec()).singleElement().satisfies(s -> {
            assertThat(s.children()).extracting(IpsecSelectors.Child::name).containsExactly("nodes", "pods");
            assertThat(s.children().get(1).local()).containsExactly(p("192.168.32.0/23"));
            assertThat(s.children().get(1).remote()).containsExactly(p("10.250.0.0/16"));
            assertThat(s.localAddress().orElseThrow().toString()).isEqualTo("203.0.113.10");
        });
    }

    @Test
    void iBgpHostsAreRouteReflectorClientsAndEBgpHostsAreNot() {
        RouterConfig.BgpRouting lab = (RouterConfig.BgpRouting) intent("lab-cilium-bgp").routers().get(0);
        assertThat(lab.neighbors()).allSatisfy(n -> {
            assertThat(n.routeReflectorClient()).isTrue();
            assertThat(n.holdTimeSeconds()).isEqualTo(30);
            assertThat(n.keepaliveTimeSeconds()).isEqualTo(10);
        });
        NetworkIntent two = intent("two-site-ira");
        assertThat(two.routers()).allSatisfy(r -> assertThat(((RouterConfig.BgpRouting) r).neighbors()).noneMatch(RouterNeighbor::routeReflectorClient));
        BgpSpeaker east = two.bgpSpeakers().get(0);
        assertThat(east.localAsn()).isEqualTo(64512);
        assertThat(east.peerAsn()).isEqualTo(65001);
        assertThat(east.advertised()).first().isEqualTo(two.allocations().find(east.host()).orElseThrow().block());
        assertThat(east.advertised()).as("LB range announced with Cilium LB IPAM").contains(p("10.80.0.240/29"));
        assertThat(two.bgpSpeakers()).filteredOn(s -> s.site().equals("edge-west")).allSatisfy(s -> assertThat(s.advertised()).hasSize(1));
    }

    @Test
    void staticRoutingGivesOneRoutePerHostBlockToTheHost() {
        RouterConfig.StaticRouting r = (RouterConfig.StaticRouting) intent("lab-calico-static").routers().get(0);
        assertThat(r.routes()).extracting(s -> s.destination() + " via " + s.nextHop())
                .containsExactly("192.168.32.0/26 via 192.168.200.11", "192.168.32.64/26 via 192.168.200.12");
        assertThat(r.routes()).allSatisfy(s -> assertThat(s.provenance().artifact()).contains("sites/lab/router/frr.conf"));
    }

    @Test
    void firewallRulesUseTheSitesRealCidrsAndCarryReasons() {
        List<FirewallRule> rules = intent("two-site-ira").firewallRules("edge-west");
        assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.direction()).isEqualTo(Direction.INBOUND);
            assertThat(r.ports().from()).isEqualTo(10250);
            assertThat(((Peer.Cidrs) r.destination()).prefixes()).containsExactly(p("10.80.1.0/24"));
        });
        assertThat(rules).anySatisfy(r -> assertThat(r.destination()).isEqualTo(new Peer.Endpoint("rolesanywhere.eu-west-1.amazonaws.com", "rolesanywhere.eu-west-1.amazonaws.com")));
    }

    @Test
    void renderedEntriesPointAtTheirLineInTheArtifact() {
        RenderedPlan plan = Examples.plan(Examples.repo().resolve("examples/lab-calico-static.yaml"));
        RouterConfig.StaticRouting r = (RouterConfig.StaticRouting) plan.intent().routers().get(0);
        String[] frr = plan.get("sites/lab/router/frr.conf").text().split("\n");
        for (StaticRoute route : r.routes()) {
            assertThat(route.provenance().line()).isPositive();
            assertThat(frr[route.provenance().line() - 1]).isEqualTo("ip route " + route.destination() + " " + route.nextHop());
        }
        String[] md = plan.get("sites/lab/firewall/rules.md").text().split("\n");
        FirewallRule first = plan.intent().firewallRules("lab").get(0);
        assertThat(md[first.provenance().line() - 1]).startsWith("| 1 |").contains(first.reason());
        String[] cfn = plan.get("cloudformation/new-vpc.yaml").text().split("\n");
        for (VpcRoute v : plan.intent().vpcRoutes()) {
            assertThat(cfn[v.provenance().line() - 1].strip()).isEqualTo("DestinationCidrBlock: " + v.destination());
        }
        assertThat(plan.intent().vpcRoutes()).extracting(v -> v.provenance().line()).doesNotHaveDuplicates();
    }

    /** The rows of AWS's required-access table the first release left out (issue 13, defect 8). */
    @Test
    void firewallRulesCoverEcrPublicEcrTheVpnDeviceAndTypha() {
        NetworkIntent calico = intent("lab-calico-static");
        List<String> hosts = calico.firewallRules().stream().filter(r -> r.destination() instanceof Peer.Endpoint)
                .map(r -> ((Peer.Endpoint) r.destination()).hostName()).toList();
        assertThat(hosts).contains("*.dkr.ecr.us-west-2.amazonaws.com", "public.ecr.aws", "prod-us-west-2-starport-layer-bucket.s3.us-west-2.amazonaws.com");
        assertThat(calico.firewallRules()).anyMatch(r -> r.protocol() == Protocol.TCP && r.ports().from() == 5473);
        for (Direction d : Direction.values()) {
            assertThat(calico.firewallRules()).anyMatch(r -> r.direction() == d && r.protocol() == Protocol.UDP && r.ports().from() == 500);
            assertThat(calico.firewallRules()).anyMatch(r -> r.direction() == d && r.protocol() == Protocol.UDP && r.ports().from() == 4500);
            assertThat(calico.firewallRules()).anyMatch(r -> r.direction() == d && r.protocol() == Protocol.ESP
                    && (d == Direction.OUTBOUND ? r.source() : r.destination()).label().equals("site VPN endpoint"));
        }
        assertThat(intent("lab-cilium-bgp").firewallRules()).noneMatch(r -> r.ports().from() == 5473);
    }
}
