package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.TestSpecs;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.fleet.service.Fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet server on loopback with an admin client, a cluster "edge" imported from a spec with pools "site-a" and "site-b"
 * ({@link #SITE_A_HOSTS}), and SSM set up.
 */
public final class TestServer implements AutoCloseable {

    public static final String ACTIVATION_CODE = "Zx9SecretActivationCode0123456789abcd";
    public static final String ACTIVATION_ID = "5d6e0a44-6a4c-4c8f-9a9b-123456789abc";
    /** The hosts the spec of cluster "edge" puts in site-a: the names the tests register. */
    public static final List<String> SITE_A_HOSTS = List.of("edge-1", "edge-2", "edge-3", "edge-ntp", "edge-ok", "edge-07", "edge-r",
            "edge-x", "edge-ira-1", "edge-ssm-1", "store-101", "store-102");

    public final FleetServer server;
    public final FleetApiClient admin;
    public final String adminToken;
    public final String poolA;
    public final String poolB;
    public final String clusterId;

    private TestServer(FleetServer server, FleetApiClient admin, String adminToken, String clusterId, String poolA, String poolB) {
        this.server = server;
        this.admin = admin;
        this.adminToken = adminToken;
        this.clusterId = clusterId;
        this.poolA = poolA;
        this.poolB = poolB;
    }

    public static TestServer start(Path dataDir, String dbKind) throws Exception {
        return start(dataDir, TestDatabases.urlFor(dbKind), new Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    public static TestServer start(Path dataDir, String dbUrl, Fleet.Timing timing) throws Exception {
        return start(dataDir, dbUrl, timing, java.time.Clock.systemUTC());
    }

    /** @param clock the server's clock: a test that must not race the heartbeat sweep gives one that it moves itself */
    public static TestServer start(Path dataDir, String dbUrl, Fleet.Timing timing, java.time.Clock clock) throws Exception {
        return start(ServerOptions.loopback(dataDir, dbUrl).withTiming(timing), clock);
    }

    public static TestServer start(ServerOptions options, java.time.Clock clock) throws Exception {
        Path dataDir = options.dataDir();
        FleetServer server = FleetServer.start(options, clock);
        String token = server.initialAdminToken().orElseThrow();
        FleetApiClient admin = new FleetApiClient(server.url(), token, server.caCertificate());
        Map<String, List<String>> sites = new LinkedHashMap<>();
        sites.put("site-a", SITE_A_HOSTS);
        sites.put("site-b", List.of("edge-b1", "edge-b2"));
        JsonNode imported = admin.post("/api/v1/clusters", TestSpecs.importBody(TestSpecs.ssm("edge", sites), dataDir.resolveSibling("spec")));
        admin.put("/api/v1/clusters/edge/ssm-activation", Map.of("activationId", ACTIVATION_ID, "activationCode", ACTIVATION_CODE));
        String a = null;
        String b = null;
        for (JsonNode p : imported.path("pools")) {
            if (p.path("name").asText().equals("site-a")) {
                a = p.path("id").asText();
            } else {
                b = p.path("id").asText();
            }
        }
        return new TestServer(server, admin, token, imported.path("cluster").path("id").asText(), a, b);
    }

    public String registrationToken(String poolId, int maxUses, long ttlSeconds, boolean autoAssign) throws Exception {
        return admin.post("/api/v1/registration-tokens", Map.of("poolId", poolId, "maxUses", maxUses, "ttlSeconds", ttlSeconds,
                "autoAssign", autoAssign)).path("token").asText();
    }

    @Override
    public void close() {
        admin.close();
        server.close();
    }
}
