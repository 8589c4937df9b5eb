package io.hybridctl.lab.topology;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology is derived without touching the machine: these tests need no root. */
class TopologyBuilderTest {

    private final LabDesign cilium = RootLab.design("lab-cilium-bgp.yaml", "unit");

    @Test
    void usesTheSpecsOwnAddressesAndPlansBlocks() {
        LabTopology t = cilium.topology();
        assertThat(t.sites()).singleElement().satisfies(site -> {
            assertThat(site.routerAddress()).hasToString("192.168.200.254");
            assertThat(site.hosts()).extracting(h -> h.address().toString()).containsExactly("192.168.200.11", "192.168.200.12");
            assertThat(site.hosts()).extracting(h -> h.podBlock().toString()).containsExactly("192.168.32.0/26", "192.168.32.64/26");
        });
        assertThat(t.hosts()).allSatisfy(h -> {
            assertThat(h.pods()).hasSize(TopologyBuilder.PODS_PER_HOST);
            assertThat(h.pods()).allMatch(p -> h.podBlock().contains(p.address()));
        });
        assertThat(t.vpc().apiServerAddresses()).isNotEmpty().allMatch(a -> t.vpc().cidrs().getFirst().contains(a));
    }

    @Test
    void everyVethJoinsTwoNamespacesOfTheSameLab() {
        LabTopology t = cilium.topology();
        Set<String> namespaces = new HashSet<>(t.namespaces().stream().map(Netns::name).toList());
        assertThat(namespaces).allMatch(n -> n.startsWith(t.name().prefix()));
        assertThat(t.veths()).isNotEmpty().allSatisfy(v -> {
            assertThat(namespaces).contains(v.namespaceA(), v.namespaceB());
            assertThat(v.namespaceA()).isNotEqualTo(v.namespaceB());
            assertThat(v.interfaceA().length()).isLessThanOrEqualTo(15);
            assertThat(v.interfaceB().length()).isLessThanOrEqualTo(15);
        });
    }

    @Test
    void noRouteIsADefaultRouteAndEveryRouteStaysInTheLab() {
        LabTopology t = cilium.topology();
        Set<String> namespaces = new HashSet<>(t.namespaces().stream().map(Netns::name).toList());
        assertThat(t.routes()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.destination().length()).as(r.why()).isGreaterThan(0);
            assertThat(namespaces).contains(r.namespace());
        });
    }

    @Test
    void aNodeReachesPeerBlocksOnItsSiteDirectlyAndEverythingElseThroughItsRouter() throws Exception {
        LabTopology t = cilium.topology();
        LabTopology.HostLab node1 = t.host("node-01").orElseThrow();
        List<KernelRoute> routes = t.routes().stream().filter(r -> r.namespace().equals(node1.node().name())).toList();
        assertThat(routes).anySatisfy(r -> {
            assertThat(r.destination()).hasToString("192.168.32.64/26");
            assertThat(r.via()).contains(Ipv4Address.parse("192.168.200.12"));
        });
        assertThat(routes).anySatisfy(r -> {
            assertThat(r.destination()).hasToString("10.250.0.0/16");
            assertThat(r.via()).contains(Ipv4Address.parse("192.168.200.254"));
        });
    }

    @Test
    void theVpcRoutesOnlyWhatTheVpnSelectorsCarry() throws Exception {
        LabDesign unroutable = RootLab.design("unroutable-pods.yaml", "unit");
        LabTopology.SiteLab branch = unroutable.topology().sites().getFirst();
        assertThat(branch.vpcRoutes()).containsExactly(Prefix.parse("172.16.10.0/24"));
        assertThat(branch.routerInSpec()).isFalse();
        assertThat(branch.hosts()).extracting(h -> h.address()).doesNotContain(branch.routerAddress());
        assertThat(branch.hosts()).allMatch(h -> h.routing() == LabTopology.PodRoutingMode.MASQUERADE);
    }
}
