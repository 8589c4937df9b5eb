package io.hybridctl.netmodel.dataplane;

import io.hybridctl.netmodel.bgp.BgpSession;
import io.hybridctl.netmodel.bgp.BgpNeighbor;
import io.hybridctl.netmodel.bgp.BgpConfig;
import io.hybridctl.netmodel.bgp.SessionStatus;
import static io.hybridctl.netmodel.TestAddresses.ip;
import static io.hybridctl.netmodel.TestAddresses.prefix;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.route.NextHop;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;
import io.hybridctl.netmodel.topology.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BgpFixedPointTest {

    private static final Prefix LAN = prefix("192.168.200.0/24");
    private static final Provenance P = Provenance.spec("test");

    private static Node router(long asn, int hold, BgpNeighbor... neighbors) {
        return Node.builder("router", NodeKind.ROUTER)
                .iface(new Interface("lan", ip("192.168.200.254"), LAN, "lan"))
                .bgp(new BgpConfig(asn, List.of(neighbors), List.of())).build();
    }

    private static Node host(String name, String address, long asn, long peerAsn, int hold, String podBlock) {
        return Node.builder(name, NodeKind.HOST)
                .iface(new Interface("eth0", ip(address), LAN, "lan"))
                .bgp(new BgpConfig(asn, List.of(new BgpNeighbor(ip("192.168.200.254"), peerAsn, hold, hold / 3, false, P)),
                        List.of(new BgpConfig.Advertisement(prefix(podBlock), Provenance.artifact("cilium/bgp.yaml", 7)))))
                .build();
    }

    private static BgpNeighbor toHost(String address, long asn, int hold) {
        return new BgpNeighbor(ip(address), asn, hold, hold / 3, false, P);
    }

    @Test
    void matchingPeersEstablishAndTheRouterLearnsEachPodBlockWithTheNodeAsNextHop() {
        Network net = new Network(List.of(
                router(65001, 90, toHost("192.168.200.11", 64512, 90), toHost("192.168.200.12", 64512, 90)),
                host("node-01", "192.168.200.11", 64512, 65001, 90, "10.85.0.0/26"),
                host("node-02", "192.168.200.12", 64512, 65001, 90, "10.85.0.64/26")));
        DataPlane dp = DataPlane.compute(net);

        assertThat(dp.bgp().sessions()).allMatch(BgpSession::established).hasSize(4);
        assertThat(dp.bgp().converged()).isTrue();
        var entry = dp.table(0).lookup(ip("10.85.0.70")).orElseThrow();
        assertThat(entry.route().protocol()).isEqualTo(RouteProtocol.EBGP);
        assertThat(entry.route().nextHop()).isEqualTo(new NextHop.Gateway(ip("192.168.200.12")));
        assertThat(entry.route().provenance()).isEqualTo(Provenance.artifact("cilium/bgp.yaml", 7));
        // node-01 hears node-02's block back from the router, but its own AS is in the path: rejected (loop prevention).
        assertThat(dp.table(1).lookup(ip("10.85.0.70"))).isEmpty();
    }

    @Test
    void asnMismatchKeepsTheSessionDownAndNoRouteIsLearned() {
        Network net = new Network(List.of(
                router(65001, 90, toHost("192.168.200.11", 64512, 90)),
                host("node-01", "192.168.200.11", 64512, 65099, 90, "10.85.0.0/26")));
        DataPlane dp = DataPlane.compute(net);

        assertThat(dp.bgp().sessions()).extracting(BgpSession::status).containsOnly(SessionStatus.ASN_MISMATCH);
        assertThat(dp.bgp().sessions().get(1).detail()).contains("expects AS 65099").contains("AS 65001");
        assertThat(dp.table(0).lookup(ip("10.85.0.1"))).isEmpty();
    }

    @Test
    void differentTimersKeepTheSessionDown() {
        Network net = new Network(List.of(
                router(65001, 90, toHost("192.168.200.11", 64512, 90)),
                host("node-01", "192.168.200.11", 64512, 65001, 30, "10.85.0.0/26")));
        assertThat(DataPlane.compute(net).bgp().sessions()).extracting(BgpSession::status).containsOnly(SessionStatus.TIMER_MISMATCH);
    }

    @Test
    void aNeighborWithoutTheReverseStatementIsHalfOpenAndAWrongAddressIsUnreachable() {
        Network net = new Network(List.of(
                router(65001, 90, toHost("192.168.200.99", 64512, 90)),
                host("node-01", "192.168.200.11", 64512, 65001, 90, "10.85.0.0/26")));
        var sessions = DataPlane.compute(net).bgp().sessions();
        assertThat(sessions.get(0).status()).isEqualTo(SessionStatus.PEER_UNREACHABLE);
        assertThat(sessions.get(1).status()).isEqualTo(SessionStatus.HALF_OPEN);
    }

    @Test
    void iBgpRoutesAreNotReflectedUnlessThePeerIsARouteReflectorClient() {
        BgpNeighbor plain = toHost("192.168.200.11", 65432, 30);
        BgpNeighbor client = new BgpNeighbor(ip("192.168.200.12"), 65432, 30, 10, true, P);
        Network net = new Network(List.of(
                router(65432, 30, plain, client),
                host("node-01", "192.168.200.11", 65432, 65432, 30, "10.85.0.0/26"),
                host("node-02", "192.168.200.12", 65432, 65432, 30, "10.85.0.64/26")));
        DataPlane dp = DataPlane.compute(net);
        assertThat(dp.table(0).lookup(ip("10.85.0.1")).orElseThrow().route().protocol()).isEqualTo(RouteProtocol.IBGP);
        assertThat(dp.table(2).lookup(ip("10.85.0.1"))).as("reflected to the client").isPresent();
        assertThat(dp.table(1).lookup(ip("10.85.0.65"))).as("not reflected to a non-client").isEmpty();
    }
}
