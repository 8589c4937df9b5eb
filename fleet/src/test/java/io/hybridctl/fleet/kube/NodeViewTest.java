package io.hybridctl.fleet.kube;

import io.hybridctl.fleet.FleetFixture;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.server.TestServer;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.NodeStatusBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes view against the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class NodeViewTest {

    KubernetesClient client;

    @Test
    void hybridNodesMapToHostsByNodeNameOrSsmIdAndDriveHealth(@TempDir Path tmp) throws Exception {
        // The server's clock stands still: these hosts never heartbeat, and on a busy machine the silence sweep would
        // otherwise mark them UNREACHABLE before the Node view has judged them.
        FleetFixture.ManualClock clock = new FleetFixture.ManualClock(System.currentTimeMillis());
        try (TestServer ts = TestServer.start(tmp.resolve("server"), null,
                new Fleet.Timing(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30)), clock)) {
            Fleet fleet = ts.server.fleet();
            Host ira = fleet.hosts().create(facts("edge-ira-1"), ts.poolA, "fp1", fleet.now());
            fleet.hosts().setNodeName(ira.id(), "edge-ira-1");
            Host ssm = fleet.hosts().create(facts("edge-ssm-1"), ts.poolA, "fp2", fleet.now());
            fleet.hosts().heartbeat(ssm.id(), null, Health.HEALTHY, "", "mi-0123456789abcdef0", fleet.now());
            Host unrelated = fleet.hosts().create(facts("cloud-1"), ts.poolA, "fp3", fleet.now());
            fleet.hosts().setNodeName(unrelated.id(), "cloud-1");

            client.nodes().resource(node("edge-ira-1", true, "hybrid")).create();
            client.nodes().resource(node("mi-0123456789abcdef0", false, "hybrid")).create();
            client.nodes().resource(node("cloud-1", true, null)).create();
            for (int i = 0; i < 3; i++) {
                client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("p" + i).endMetadata()
                        .withNewSpec().withNodeName("edge-ira-1").endSpec().build()).create();
            }

            NodeStatusBoard board = new NodeStatusBoard();
            HealthMonitor health = new HealthMonitor(fleet, board, ts.server.heartbeats());
            try (NodeView view = NodeView.start(client, false, fleet, board, health)) {
                await(() -> board.get(ira.id()).map(n -> n.podCount() == 3).orElse(false));
                NodeStatusBoard.NodeStatus iraNode = board.get(ira.id()).orElseThrow();
                assertThat(iraNode.ready()).isTrue();
                assertThat(iraNode.kubeletVersion()).isEqualTo("v1.31.2-eks-1");
                await(() -> board.get(ssm.id()).isPresent());
                assertThat(board.get(ssm.id()).orElseThrow().ready()).isFalse();
                assertThat(fleet.hosts().byId(ssm.id()).orElseThrow().health()).isEqualTo(Health.NOT_READY);
                assertThat(board.get(unrelated.id())).as("Nodes without the hybrid label are not watched").isEmpty();

                client.nodes().resource(node("mi-0123456789abcdef0", true, "hybrid")).update();
                await(() -> fleet.hosts().byId(ssm.id()).orElseThrow().health() == Health.HEALTHY);
                assertThat(fleet.events().forHost(ssm.id(), 10)).extracting(e -> e.message())
                        .anyMatch(m -> m.contains("is Ready")).anyMatch(m -> m.contains("is NotReady"));

                var summary = ts.admin.get("/api/v1/pools/" + ts.poolA);
                assertThat(summary.path("total").asInt()).isEqualTo(3);
            }
        }
    }

    private static HostFacts facts(String name) {
        return new HostFacts(name, "m-" + name, "ubuntu", "24.04", "6.1", "amd64", 4, 8L << 30, List.of(), List.of());
    }

    private static Node node(String name, boolean ready, String computeType) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(computeType == null ? Map.of() : Map.of(NodeView.HYBRID_LABEL, computeType)).endMetadata();
        return b.withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.31.2-eks-1").endNodeInfo().endStatus().build();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met in 60 s");
    }
}
