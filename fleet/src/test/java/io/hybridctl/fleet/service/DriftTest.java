package io.hybridctl.fleet.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.agent.InProcessAgents;
import io.hybridctl.fleet.agent.SimulatedFacts;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.fleet.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Design against reality: agents whose facts differ from the spec in each way (OS, version, architecture, address,
 * name) are held with a drift condition each; spec hosts that never registered are missing, hosts the spec does not
 * know are unknown, and a held bootstrap starts once an operator overrides the drift of that host.
 */
class DriftTest {

    @Test
    void everyKindOfDriftIsReportedAndHoldsBootstrapUntilOverridden(@TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), "h2"); InProcessAgents agents = new InProcessAgents()) {
            // site-a's hosts are edge-1 (10.80.0.11), edge-2 (.12), edge-3 (.13), edge-ntp (.14), edge-ok (.15), edge-07 (.16), ...
            String token = ts.registrationToken(ts.poolA, 10, 3600, true);
            start(ts, agents, tmp, token, "edge-1", new SimulatedFacts("ubuntu", "24.04", "amd64", List.of("10.80.0.11")));
            start(ts, agents, tmp, token, "edge-2", new SimulatedFacts("debian", "24.04", "amd64", List.of("10.80.0.12")));
            start(ts, agents, tmp, token, "edge-3", new SimulatedFacts("ubuntu", "22.04", "amd64", List.of("10.80.0.13")));
            start(ts, agents, tmp, token, "edge-ntp", new SimulatedFacts("ubuntu", "24.04", "arm64", List.of("10.80.0.14")));
            start(ts, agents, tmp, token, "edge-ok", new SimulatedFacts("ubuntu", "24.04", "amd64", List.of("192.0.2.2")));
            start(ts, agents, tmp, token, "EDGE-07", new SimulatedFacts("ubuntu", "24.04", "amd64", List.of("10.80.0.16")));
            start(ts, agents, tmp, token, "stranger", new SimulatedFacts("ubuntu", "24.04", "amd64", List.of("10.80.0.99")));

            waitFor(ts.admin, "edge-1", "READY");
            JsonNode report = waitForReport(ts.admin, 6);
            assertThat(kinds(report, "edge-2")).containsExactly("os");
            assertThat(kinds(report, "edge-3")).containsExactly("os-version");
            assertThat(kinds(report, "edge-ntp")).containsExactly("arch");
            assertThat(kinds(report, "edge-ok")).containsExactly("address");
            assertThat(message(report, "edge-ok")).contains("192.0.2.2").contains("10.80.0.15").contains("none of its addresses is inside");
            assertThat(kinds(report, "EDGE-07")).containsExactly("name");
            assertThat(kinds(report, "stranger")).containsExactly("unknown");
            assertThat(names(report.path("unknown"))).containsExactly("stranger");
            assertThat(names(report.path("missing"))).contains("edge-r", "edge-x", "edge-b1").doesNotContain("edge-1", "edge-07");

            // Held: in the pool, no operation, and starting one by hand is refused with the way out.
            JsonNode held = host(ts.admin, "edge-2");
            assertThat(held.path("state").asText()).isEqualTo("REGISTERED");
            assertThat(ts.admin.get("/api/v1/hosts/" + held.path("id").asText()).path("operations")).isEmpty();
            assertThatThrownBy(() -> ts.admin.post("/api/v1/operations", Map.of("hostId", held.path("id").asText(), "kind", "bootstrap")))
                    .isInstanceOf(FleetApiClient.ApiError.class).hasMessageContaining("is held").hasMessageContaining("runs debian")
                    .hasMessageContaining("hybridctl fleet drift-override edge-2");
            JsonNode pool = ts.admin.get("/api/v1/pools/" + ts.poolA);
            assertThat(pool.path("ready").asInt()).isEqualTo(1);
            assertThat(pool.path("total").asInt()).isEqualTo(7);
            assertThat(pool.path("planned").asInt()).isEqualTo(TestServer.SITE_A_HOSTS.size());
            assertThat(pool.path("drifted").asInt()).isEqualTo(6);

            // An operator accepts edge-2's drift: its bootstrap runs, and the audit log says who did it.
            ts.admin.put("/api/v1/hosts/" + held.path("id").asText() + "/drift-override", Map.of("override", true));
            ts.admin.post("/api/v1/operations", Map.of("hostId", held.path("id").asText(), "kind", "bootstrap"));
            waitFor(ts.admin, "edge-2", "READY");
            assertThat(ts.admin.get("/api/v1/audit").findValuesAsText("action")).contains("host.drift-override");
            assertThat(agents.failures).isEmpty();
        }
    }

    private static void start(TestServer ts, InProcessAgents agents, Path tmp, String token, String name, SimulatedFacts facts) {
        agents.start(ts.server.url(), token, ts.server.caFingerprint(), tmp.resolve("agent-" + name), name, Duration.ofMillis(20), null, facts);
    }

    private static List<String> kinds(JsonNode report, String hostname) {
        for (JsonNode h : report.path("hosts")) {
            if (h.path("hostname").asText().equals(hostname)) {
                List<String> k = new ArrayList<>();
                h.path("conditions").forEach(c -> k.add(c.path("kind").asText()));
                return k;
            }
        }
        return List.of();
    }

    private static String message(JsonNode report, String hostname) {
        for (JsonNode h : report.path("hosts")) {
            if (h.path("hostname").asText().equals(hostname)) {
                return h.path("conditions").get(0).path("message").asText();
            }
        }
        return "";
    }

    private static List<String> names(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    private static JsonNode host(FleetApiClient admin, String hostname) throws Exception {
        for (JsonNode h : admin.get("/api/v1/hosts")) {
            if (h.path("hostname").asText().equals(hostname)) {
                return h;
            }
        }
        throw new AssertionError("no host " + hostname);
    }

    private static JsonNode waitForReport(FleetApiClient admin, int drifted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = admin.get("/api/v1/clusters/edge/drift");
            if (last.path("hosts").size() >= drifted) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("drift report never listed " + drifted + " hosts: " + last);
    }

    private static void waitFor(FleetApiClient admin, String hostname, String state) throws Exception {
        io.hybridctl.fleet.HostWaits.state(admin, hostname, state);
    }
}
