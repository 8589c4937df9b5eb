package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.agent.InProcessAgents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapFlowTest {

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRegisteredHostIsAutoAssignedAndBootstrapped(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db); InProcessAgents agents = new InProcessAgents()) {
            String token = ts.registrationToken(ts.poolA, 1, 3600, true);
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("agent1"), "edge-1", Duration.ofMillis(50), null);

            JsonNode host = waitForHostState(ts, "edge-1", "READY");
            assertThat(host.path("poolId").asText()).isEqualTo(ts.poolA);
            Path nodeConfig = tmp.resolve("agent1/root/etc/hybridctl/nodeconfig.yaml");
            assertThat(Files.readString(nodeConfig)).contains("activationId: " + TestServer.ACTIVATION_ID).contains("kind: NodeConfig");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodeConfig))).isEqualTo("rw-------");
            JsonNode summary = ts.admin.get("/api/v1/pools/" + ts.poolA);
            assertThat(summary.path("ready").asInt()).isEqualTo(1);
            assertThat(summary.path("total").asInt()).isEqualTo(1);
            JsonNode detail = ts.admin.get("/api/v1/hosts/" + host.path("id").asText());
            JsonNode op = detail.path("operations").get(0);
            assertThat(op.path("kind").asText()).isEqualTo("bootstrap");
            assertThat(op.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(op.path("steps")).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("SUCCEEDED"));
            assertThat(agents.failures).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nodeadmInitExitingZeroWithoutInstallIsAFailure(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db); InProcessAgents agents = new InProcessAgents()) {
            String token = ts.registrationToken(ts.poolA, 1, 3600, true);
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("agent1"), "edge-1", Duration.ofMillis(20), "init");
            JsonNode host = waitForHostState(ts, "edge-1", "FAILED");
            JsonNode op = ts.admin.get("/api/v1/hosts/" + host.path("id").asText()).path("operations").get(0);
            assertThat(op.path("state").asText()).isEqualTo("FAILED");
            assertThat(op.path("reason").asText()).startsWith("nodeadm-init: exit 0 but").contains("not installed");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFleetWritesPlansNodeConfigByteForByteAndHoldsHostsTheSpecDoesNotKnow(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db); InProcessAgents agents = new InProcessAgents()) {
            String token = ts.registrationToken(ts.poolA, 2, 3600, true);
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("a1"), "edge-2", Duration.ofMillis(20), null);
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("a2"), "not-in-spec", Duration.ofMillis(20), null);
            waitForHostState(ts, "edge-2", "READY");

            // The same host, rendered by `hybridctl plan` from the same spec with the same activation: the same bytes.
            var plan = io.hybridctl.fleet.PlanOf.plan(tmp.resolve("spec/cluster.yaml"),
                    java.util.Optional.of(new io.hybridctl.plan.render.nodeadm.SsmActivation(TestServer.ACTIVATION_ID, TestServer.ACTIVATION_CODE)));
            byte[] planned = plan.get(io.hybridctl.plan.ArtifactPaths.nodeConfig("edge-2")).content();
            assertThat(Files.readAllBytes(tmp.resolve("a1/root/etc/hybridctl/nodeconfig.yaml"))).isEqualTo(planned);
            assertThat(new String(planned, java.nio.charset.StandardCharsets.UTF_8)).contains("--node-ip=10.80.0.12")
                    .contains("hybridctl.io/site=site-a");

            // A host the spec does not list has no design: it is in the pool, drifting as "unknown", and nothing runs on it.
            JsonNode stranger = waitForHost(ts, "not-in-spec", h -> h.path("drift").size() > 0);
            assertThat(stranger.path("drift").get(0).path("kind").asText()).isEqualTo("unknown");
            assertThat(stranger.path("state").asText()).isEqualTo("REGISTERED");
            assertThat(ts.admin.get("/api/v1/hosts/" + stranger.path("id").asText()).path("operations")).isEmpty();
            assertThat(Files.exists(tmp.resolve("a2/root/etc/hybridctl/nodeconfig.yaml"))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingNodeadmDebugAfterBootstrapMakesTheHostDegraded(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db); InProcessAgents agents = new InProcessAgents()) {
            String token = ts.registrationToken(ts.poolA, 2, 3600, true);
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("bad"), "edge-ntp", Duration.ofMillis(20), "debug");
            agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("good"), "edge-ok", Duration.ofMillis(20), null);
            waitForHostState(ts, "edge-ntp", "READY");
            JsonNode bad = waitForHost(ts, "edge-ntp", h -> h.path("health").asText().equals("DEGRADED"));
            assertThat(bad.path("healthDetail").asText())
                    .isEqualTo("nodeadm-debug: 1 of 13 validations failed: Validating NTP synchronization status (nodeadm exited 0)");
            JsonNode events = ts.admin.get("/api/v1/events?kind=host.health");
            assertThat(events).extracting(e -> e.path("message").asText()).contains("edge-ntp is DEGRADED (" + bad.path("healthDetail").asText() + ")");

            long readyAt = waitForHostState(ts, "edge-ok", "READY").path("lastHeartbeat").asLong();
            // Two heartbeats later the debug check, which starts once the bootstrap has run, has reported.
            JsonNode good = waitForHost(ts, "edge-ok", h -> h.path("lastHeartbeat").asLong() >= readyAt + 2_000);
            assertThat(good.path("health").asText()).isEqualTo("HEALTHY");
        }
    }

    static JsonNode waitForHost(TestServer ts, String hostname, java.util.function.Predicate<JsonNode> condition) throws Exception {
        return io.hybridctl.fleet.HostWaits.until(ts.admin, hostname, condition);
    }

    static JsonNode waitForHostState(TestServer ts, String hostname, String state) throws Exception {
        return io.hybridctl.fleet.HostWaits.state(ts.admin, hostname, state);
    }
}
