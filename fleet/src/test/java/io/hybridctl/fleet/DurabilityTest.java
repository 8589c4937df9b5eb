package io.hybridctl.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.agent.AgentSwarm;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.fleet.server.ServerMain;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the server (on PostgreSQL) while 100 simulated hosts bootstrap: after a restart every operation
 * finishes (resumed by its agent) or fails with a reason, no host is lost or duplicated, every agent reconnects.
 */
class DurabilityTest {

    private static final int HOSTS = 100;

    @Test
    void serverKilledMidBootstrapRecovers(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestDatabases.pgAvailable(), "PostgreSQL not reachable; run .ci/setup.d/fleet.sh");
        String db = TestDatabases.urlFor("postgresql");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String[] serverArgs = {"--data-dir", tmp.resolve("server").toString(), "--db", db, "--port", Integer.toString(port),
                "--heartbeat-seconds", "1", "--lease-seconds", "60", "--db-pool", "8"};
        ChildProcess server = ChildProcess.start(tmp.resolve("logs/server-1.log"), ServerMain.class.getName(), serverArgs);
        ChildProcess restarted = null;
        ChildProcess swarm = null;
        try {
            String tokenLine = server.awaitLine("initial admin token", Duration.ofSeconds(60));
            String adminToken = Files.readString(Path.of(tokenLine.substring(tokenLine.lastIndexOf(' ') + 1).trim())).trim();
            String[] urlLine = server.awaitLine("fleet server: ", Duration.ofSeconds(60)).split(" ");
            String url = urlLine[2];
            X509Certificate ca = TestPem.certificate(Files.readString(tmp.resolve("server/agent-ca/ca.pem")));
            try (FleetApiClient admin = new FleetApiClient(url, adminToken, ca)) {
                JsonNode imported = admin.post("/api/v1/clusters", TestSpecs.importBody(
                        TestSpecs.ssm("edge", TestSpecs.site("dc-1", java.util.stream.IntStream.range(0, HOSTS).mapToObj(i -> "sim-" + i).toList())), tmp.resolve("spec")));
                String pool = imported.path("pools").get(0).path("id").asText();
                admin.put("/api/v1/clusters/edge/ssm-activation", Map.of("activationId", "5d6e0a44-6a4c-4c8f-9a9b-123456789abc",
                        "activationCode", "Durab1lityActivationCode0123456789xyz"));
                String token = admin.post("/api/v1/registration-tokens", Map.of("poolId", pool, "maxUses", HOSTS)).path("token").asText();
                swarm = ChildProcess.start(tmp.resolve("logs/swarm.log"), AgentSwarm.class.getName(), "--server", url,
                        "--ca-fingerprint", urlLine[4], "--token", token, "--count", Integer.toString(HOSTS), "--state-root",
                        tmp.resolve("agents").toString(), "--sim-step-ms", "1500", "--max-backoff-ms", "3000");

                // Kill while work is in flight: some hosts done, many mid-operation.
                long deadline = System.currentTimeMillis() + 120_000;
                while (System.currentTimeMillis() < deadline) {
                    int running = 0;
                    for (JsonNode op : patiently(admin, "/api/v1/operations?pool=" + pool)) {
                        if (op.path("state").asText().equals("RUNNING")) {
                            running++;
                        }
                    }
                    if (running >= 20) {
                        break;
                    }
                    Thread.sleep(200);
                }
            }
            server.kill();
            long killedAt = System.currentTimeMillis();
            Thread.sleep(3000);
            restarted = ChildProcess.start(tmp.resolve("logs/server-2.log"), ServerMain.class.getName(), serverArgs);
            restarted.awaitLine("fleet server: ", Duration.ofSeconds(60));
            assertThat(restarted.output()).doesNotContain("initial admin token");

            try (FleetApiClient admin = new FleetApiClient(url, adminToken, ca)) {
                JsonNode hosts = null;
                long deadline = System.currentTimeMillis() + 180_000;
                while (System.currentTimeMillis() < deadline) {
                    hosts = patiently(admin, "/api/v1/hosts");
                    long settled = 0;
                    for (JsonNode h : hosts) {
                        String st = h.path("state").asText();
                        if ((st.equals("READY") || st.equals("FAILED")) && h.path("lastHeartbeat").asLong() > killedAt + 3000) {
                            settled++;
                        }
                    }
                    if (hosts.size() == HOSTS && settled == HOSTS) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertThat(hosts).as("every host registered exactly once").hasSize(HOSTS);
                Set<String> machines = new HashSet<>();
                for (JsonNode h : hosts) {
                    assertThat(machines.add(h.path("machineId").asText())).as("duplicate " + h.path("machineId")).isTrue();
                    assertThat(h.path("lastHeartbeat").asLong()).as(h.path("hostname") + " reconnected").isGreaterThan(killedAt + 3000);
                    JsonNode detail = admin.get("/api/v1/hosts/" + h.path("id").asText());
                    JsonNode ops = detail.path("operations");
                    assertThat(ops).as(h.path("hostname") + " has one bootstrap").hasSize(1);
                    JsonNode op = ops.get(0);
                    assertThat(op.path("state").asText()).as(op.toString()).isIn("SUCCEEDED", "FAILED");
                    if (op.path("state").asText().equals("FAILED")) {
                        assertThat(op.path("reason").asText()).as("failure has a reason").isNotBlank();
                    }
                }
                long succeeded = 0;
                for (JsonNode h : hosts) {
                    if (h.path("state").asText().equals("READY")) {
                        succeeded++;
                    }
                }
                // Agents resume their operations after the restart, so nothing should have needed to fail here.
                assertThat(succeeded).isEqualTo(HOSTS);
                JsonNode recovered = admin.get("/api/v1/events?kind=server.recovered");
                assertThat(recovered).as("the restart found running operations to resume").isNotEmpty();
            }
        } finally {
            if (swarm != null) {
                swarm.close();
            }
            if (restarted != null) {
                restarted.close();
            }
            server.close();
        }
    }

    /**
     * A GET while 100 agents reconnect to a just-restarted server on a loaded machine may time out; the loops around
     * these calls wait on a condition with a deadline anyway, so a slow answer is an empty one, not a failure.
     */
    private static JsonNode patiently(FleetApiClient admin, String path) throws Exception {
        try {
            return admin.get(path);
        } catch (java.io.IOException slow) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
    }
}
