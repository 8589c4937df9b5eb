package io.hybridctl.fleet.kube;

import io.hybridctl.fleet.FleetFixture;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.server.TestServer;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.NodeStatusBoard;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes view against the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
public class NodeViewTest {

    KubernetesClient client;
    KubernetesMockServer server;

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
            // CRUD mode matches a field selector only on metadata.name/namespace and returns nothing for spec.nodeName,
            // so the per-node pod list is an expectation (checked before the CRUD store).
            server.expect().get().withPath("/api/v1/pods?fieldSelector=spec.nodeName%3Dedge-ira-1&resourceVersion=0")
                    .andReturn(200, podsOn("edge-ira-1", 3)).always();

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

                // The CRUD mock ignores field selectors, so the proof is in the requests it received.
                assertThat(view.podWatches()).containsExactlyInAnyOrder("edge-ira-1", "mi-0123456789abcdef0");
                List<String> podReads = new ArrayList<>();
                for (RecordedRequest r; (r = server.takeRequest(1, TimeUnit.SECONDS)) != null; ) {
                    String path = URLDecoder.decode(r.getPath(), StandardCharsets.UTF_8);
                    if ("GET".equals(r.getMethod()) && path.matches(".*/pods(\\?.*)?$")) {
                        podReads.add(path);
                    }
                }
                assertThat(podReads).as("pods are listed and watched per node").isNotEmpty()
                        .allMatch(path -> path.startsWith("/api/v1/pods?") && (path.contains("fieldSelector=spec.nodeName=edge-ira-1")
                                || path.contains("fieldSelector=spec.nodeName=mi-0123456789abcdef0")));
                assertThat(podReads).anyMatch(path -> path.contains("watch=true") && path.contains("spec.nodeName=edge-ira-1"));

                client.nodes().withName("edge-ira-1").delete();
                await(() -> !view.podWatches().contains("edge-ira-1"));
                assertThat(view.podWatches()).containsExactly("mi-0123456789abcdef0");
            }
        }
    }

    public static PodList podsOn(String nodeName, int count) {
        PodListBuilder list = new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata();
        for (int i = 0; i < count; i++) {
            list.addNewItem().withNewMetadata().withNamespace("default").withName(nodeName + "-p" + i).withResourceVersion("1").endMetadata()
                    .withNewSpec().withNodeName(nodeName).endSpec().endItem();
        }
        return list.build();
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
