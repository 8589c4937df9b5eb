package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.host.CommandFailedException;
import io.hybridctl.lab.host.FakeShell;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.lab.topology.NamespaceRole;
import io.hybridctl.lab.topology.Netns;
import io.hybridctl.lab.topology.Veth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the lab asks iproute2 and sysctl to do for a topology, checked through a fake shell: no root needed. */
class NetworkBuilderTest {

    private final LabTopology topology = RootLab.design("lab-cilium-bgp.yaml", "unitnet").topology();

    @Test
    void everyCommandStaysInsideTheLabsNamespaces(@TempDir Path dir) {
        FakeShell shell = FakeShell.succeeding();
        new NetworkBuilder(shell, dir).wire(topology);
        String prefix = topology.name().prefix();
        assertThat(shell.commands()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getFirst()).isEqualTo("ip");
            String ns = c.get(1).equals("-n") ? c.get(2) : c.get(3);   // ip -n NS -batch F | ip netns exec NS sysctl ...
            assertThat(ns).startsWith(prefix);
        });
    }

    @Test
    void linksComeBeforeAddressesAndAddressesBeforeRoutes(@TempDir Path dir) {
        FakeShell shell = FakeShell.succeeding();
        new NetworkBuilder(shell, dir).wire(topology);
        List<String> phases = shell.commands().stream().filter(c -> c.contains("-batch"))
                .map(c -> c.getLast().replaceAll(".*\\.(links|addresses|routes)\\.ip$", "$1")).distinct().toList();
        assertThat(phases).containsExactly("links", "addresses", "routes");
        List<String> all = shell.batches().stream().flatMap(List::stream).toList();
        for (Veth v : topology.veths()) {
            assertThat(all).contains("link add " + v.interfaceA() + " type veth peer name " + v.interfaceB() + " netns " + v.namespaceB());
        }
        assertThat(all.stream().filter(l -> l.startsWith("route add "))).hasSize(topology.routes().size());
    }

    @Test
    void onlyRoutersNodesAndTheVpcForward(@TempDir Path dir) {
        FakeShell shell = FakeShell.succeeding();
        new NetworkBuilder(shell, dir).wire(topology);
        for (Netns ns : topology.namespaces()) {
            List<String> sysctl = shell.commands().stream().filter(c -> c.contains("sysctl") && c.contains(ns.name())).findFirst().orElseThrow();
            assertThat(sysctl.contains("net.ipv4.ip_forward=1")).as(ns.name()).isEqualTo(ns.role() != NamespaceRole.POD);
        }
    }

    @Test
    void aFailingCommandStopsTheBuildWithItsOutput(@TempDir Path dir) {
        FakeShell shell = new FakeShell(c -> c.contains("sysctl") ? new Shell.Result(255, "sysctl: permission denied") : new Shell.Result(0, ""));
        assertThatThrownBy(() -> new NetworkBuilder(shell, dir).wire(topology)).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("permission denied");
        assertThat(shell.commands().stream().filter(c -> c.getLast().endsWith(".routes.ip"))).isEmpty();
    }
}
