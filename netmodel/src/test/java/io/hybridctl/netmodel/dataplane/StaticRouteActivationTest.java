package io.hybridctl.netmodel.dataplane;

import static io.hybridctl.netmodel.TestAddresses.ip;
import static io.hybridctl.netmodel.TestAddresses.prefix;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaticRouteActivationTest {

    private static final Provenance P = Provenance.spec("spec.sites[0].router");

    private static DataPlane plane(Route... routes) {
        Node.Builder b = Node.builder("r", NodeKind.ROUTER)
                .iface(new Interface("lan", ip("192.168.1.1"), prefix("192.168.1.0/24"), "lan"));
        for (Route r : routes) {
            b.route(r);
        }
        return DataPlane.compute(new Network(List.of(b.build())));
    }

    @Test
    void aRouteWhoseNextHopIsOnAConnectedNetworkIsActiveAndResolvedToThatInterface() {
        DataPlane dp = plane(Route.toGateway(prefix("10.85.0.0/26"), ip("192.168.1.11"), P));
        FibEntry e = dp.table(0).lookup(ip("10.85.0.5")).orElseThrow();
        assertThat(e.egress()).contains("lan");
        assertThat(e.gateway()).contains(ip("192.168.1.11"));
        assertThat(dp.inactiveRoutes(0)).isEmpty();
    }

    @Test
    void aRouteWhoseNextHopDoesNotResolveStaysInactive() {
        Route orphan = Route.toGateway(prefix("10.85.0.0/26"), ip("172.16.0.1"), P);
        DataPlane dp = plane(orphan);
        assertThat(dp.table(0).lookup(ip("10.85.0.5"))).isEmpty();
        assertThat(dp.inactiveRoutes(0)).containsExactly(orphan);
    }

    @Test
    void recursiveResolutionFollowsAnotherStaticButNeverTheRouteItself() {
        Route viaLan = Route.toGateway(prefix("172.16.0.0/16"), ip("192.168.1.2"), P);
        Route recursive = Route.toGateway(prefix("10.0.0.0/8"), ip("172.16.0.1"), P);
        Route selfResolving = Route.toGateway(prefix("0.0.0.0/0"), ip("8.8.8.8"), P);
        DataPlane dp = plane(recursive, viaLan, selfResolving);
        FibEntry e = dp.table(0).lookup(ip("10.1.2.3")).orElseThrow();
        assertThat(e.route()).isEqualTo(recursive);
        assertThat(e.gateway()).contains(ip("192.168.1.2"));
        assertThat(dp.inactiveRoutes(0)).containsExactly(selfResolving);
    }

    @Test
    void theTriePartitionGivesEachRunItsLongestMatch() {
        DataPlane dp = plane(Route.discard(prefix("10.0.0.0/8"), P), Route.discard(prefix("10.1.0.0/16"), P));
        var pieces = dp.table(0).partition(ip("9.255.255.255").value(), ip("10.2.0.0").value());
        assertThat(pieces).extracting(p -> p.range().toString() + "=" + (p.value() == null ? "none" : p.value().route().prefix()))
                .containsExactly("9.255.255.255=none", "10.0.0.0-10.0.255.255=10.0.0.0/8", "10.1.0.0-10.1.255.255=10.1.0.0/16",
                        "10.2.0.0=10.0.0.0/8");
    }
}
