package io.hybridctl.fleet.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.agent.AgentIdentity;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.fleet.server.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration identity rules, and profile revisions, on both databases. */
class RegistrationTest {

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    private final ObjectMapper json = ApiJson.mapper();

    @ParameterizedTest
    @MethodSource("databases")
    void sameKeyIsIdempotentAnotherKeyNeedsAReset(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db);
             HttpClient anon = HttpClient.newBuilder().sslContext(TlsContexts.client(ts.server.caCertificate(), null, null)).build()) {
            String single = ts.registrationToken(ts.poolB, 1, 3600, false);
            AgentIdentity original = AgentIdentity.openOrCreate(tmp.resolve("a"));
            HttpResponse<String> first = register(anon, ts, single, original);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String hostId = json.readTree(first.body()).path("hostId").asText();

            HttpResponse<String> again = register(anon, ts, single, original);
            assertThat(again.statusCode()).as("same machine, same key: idempotent even with a used-up token").isEqualTo(201);
            assertThat(json.readTree(again.body()).path("hostId").asText()).isEqualTo(hostId);
            assertThat(ts.admin.get("/api/v1/hosts")).hasSize(1);

            // The original key's certificate works, so the server now holds this host in its identity cache.
            JsonNode firstBody = json.readTree(first.body());
            try (HttpClient oldCert = mtls(ts, original, firstBody.path("certificate").asText())) {
                assertThat(heartbeat(ts, oldCert).statusCode()).isEqualTo(200);

                String other = ts.registrationToken(ts.poolB, 5, 3600, false);
                AgentIdentity imposter = AgentIdentity.openOrCreate(tmp.resolve("b"));
                HttpResponse<String> refused = register(anon, ts, other, imposter);
                assertThat(refused.statusCode()).isEqualTo(409);
                assertThat(refused.body()).contains("key-mismatch").contains("reset");
                assertThat(heartbeat(ts, oldCert).statusCode()).as("a refused registration changes nothing").isEqualTo(200);

                ts.admin.post("/api/v1/hosts/" + hostId + "/reset", Map.of());
                assertThat(heartbeat(ts, oldCert).statusCode()).as("a reset alone keeps the registered key").isEqualTo(200);
                HttpResponse<String> reimaged = register(anon, ts, other, imposter);
                assertThat(reimaged.statusCode()).as(reimaged.body()).isEqualTo(201);
                assertThat(json.readTree(reimaged.body()).path("hostId").asText()).isEqualTo(hostId);
                assertThat(ts.admin.get("/api/v1/hosts")).hasSize(1);

                // The old key's certificate no longer opens the agent API, cached or not; the new one does.
                HttpResponse<String> hb = heartbeat(ts, oldCert);
                assertThat(hb.statusCode()).isEqualTo(401);
                assertThat(hb.body()).contains("client-certificate-rejected");
                try (HttpClient newCert = mtls(ts, imposter, json.readTree(reimaged.body()).path("certificate").asText())) {
                    assertThat(heartbeat(ts, newCert).statusCode()).isEqualTo(200);
                }
            }
        }
    }

    private static HttpClient mtls(TestServer ts, AgentIdentity id, String certificatePem) {
        // A fresh connection per client: the server must judge the certificate, not a resumed session.
        return HttpClient.newBuilder().sslContext(TlsContexts.client(ts.server.caCertificate(), id.privateKey(),
                TestPem.certificate(certificatePem))).build();
    }

    private static HttpResponse<String> heartbeat(TestServer ts, HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/agent/heartbeat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewProfileRevisionMakesAnUpdateAvailable(String db, @TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), db)) {
            assertThat(ts.admin.get("/api/v1/pools/" + ts.poolA).path("updateAvailable").asBoolean()).isFalse();
            JsonNode rev = ts.admin.post("/api/v1/profiles/edge-default/revisions", Map.of("kubernetesVersion", "1.32",
                    "nodeadmVersion", "v1.0.20", "credentialProvider", "ssm", "osImage", "ubuntu-22.04", "kubeletExtra", Map.of("maxPods", 110)));
            assertThat(rev.path("revision").asInt()).isEqualTo(2);
            JsonNode pool = ts.admin.get("/api/v1/pools/" + ts.poolA);
            assertThat(pool.path("updateAvailable").asBoolean()).isTrue();
            assertThat(pool.path("latestRevision").asInt()).isEqualTo(2);
            JsonNode moved = ts.admin.patch("/api/v1/pools/" + ts.poolA, Map.of("profileRevision", 2));
            assertThat(moved.path("updateAvailable").asBoolean()).isFalse();
            assertThat(moved.path("kubernetesVersions").get(0).asText()).isEqualTo("1.32");
            JsonNode revisions = ts.admin.get("/api/v1/profiles/edge-default/revisions");
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(0).path("kubernetesVersion").asText()).as("revision 1 is immutable").isEqualTo("1.31");
        }
    }

    private HttpResponse<String> register(HttpClient http, TestServer ts, String token, AgentIdentity id) throws Exception {
        HostFacts facts = new HostFacts("edge-r", "machine-r", "ubuntu", "24.04", "6.1", "amd64", 4, 8L << 30, List.of(), List.of());
        return http.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/agent/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("token", token, "csr", id.csrPem("edge-r"), "facts", facts))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
