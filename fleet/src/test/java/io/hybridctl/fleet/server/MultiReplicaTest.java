package io.hybridctl.fleet.server;

import io.hybridctl.fleet.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.agent.AgentIdentity;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.service.Fleet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL schema with the same CAs. Replica B holds a host in its cache when replica A takes
 * the host's re-registration with a new key: B refuses the old certificate for operations at once, and for heartbeats
 * once a heartbeat batch has found the key changed.
 */
class MultiReplicaTest {

    private final ObjectMapper json = ApiJson.mapper();
    private static final Fleet.Timing TIMING = new Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void eventsRecordedOnOneReplicaReachTheOthersLiveStreamsOnce(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestDatabases.pgAvailable(), "PostgreSQL not reachable; run .ci/setup.d/fleet.sh");
        String db = TestDatabases.urlFor("postgresql");
        try (TestServer a = TestServer.start(tmp.resolve("data"), db, TIMING);
             FleetServer b = FleetServer.start(ServerOptions.loopback(tmp.resolve("data"), db).withTiming(TIMING))) {
            List<FleetEvent> onA = new CopyOnWriteArrayList<>();
            List<FleetEvent> onB = new CopyOnWriteArrayList<>();
            a.server.fleet().hub().subscribe(null, onA::add);
            b.fleet().hub().subscribe(a.poolA, onB::add);

            FleetEvent fromA = a.server.fleet().hub().record(a.poolA, null, "test.relay", "recorded on A");
            FleetEvent fromB = b.fleet().hub().record(a.poolA, null, "test.relay", "recorded on B");
            b.fleet().hub().record(a.poolB, null, "test.relay", "another pool, recorded on B");

            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && (onB.size() < 2 || onA.size() < 3)) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // three more relay rounds: nothing may come twice
            assertThat(onB).extracting(FleetEvent::id).containsExactlyInAnyOrder(fromA.id(), fromB.id());
            assertThat(onA).extracting(FleetEvent::message)
                    .containsExactlyInAnyOrder("recorded on A", "recorded on B", "another pool, recorded on B");
        }
    }

    @Test
    void aKeyReplacedOnOneReplicaIsRefusedOnTheOther(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestDatabases.pgAvailable(), "PostgreSQL not reachable; run .ci/setup.d/fleet.sh");
        String db = TestDatabases.urlFor("postgresql");
        try (TestServer a = TestServer.start(tmp.resolve("data"), db, TIMING);
             FleetServer b = FleetServer.start(ServerOptions.loopback(tmp.resolve("data"), db).withTiming(TIMING));
             HttpClient anon = HttpClient.newBuilder().sslContext(TlsContexts.client(a.server.caCertificate(), null, null)).build()) {
            AgentIdentity original = AgentIdentity.openOrCreate(tmp.resolve("k1"));
            HttpResponse<String> first = register(anon, a.server.url(), a.registrationToken(a.poolA, 1, 3600, false), original);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String hostId = json.readTree(first.body()).path("hostId").asText();
            try (HttpClient oldCert = mtls(a, original, json.readTree(first.body()).path("certificate").asText())) {
                assertThat(post(oldCert, b.url(), "/api/v1/agent/heartbeat").statusCode()).as("B caches the host").isEqualTo(200);

                a.admin.post("/api/v1/hosts/" + hostId + "/reset", Map.of());
                AgentIdentity reimaged = AgentIdentity.openOrCreate(tmp.resolve("k2"));
                assertThat(register(anon, a.server.url(), a.registrationToken(a.poolA, 1, 3600, false), reimaged).statusCode()).isEqualTo(201);

                HttpResponse<String> claim = post(oldCert, b.url(), "/api/v1/agent/operations/00000000-0000-0000-0000-000000000000/claim");
                assertThat(claim.statusCode()).as("operations are authorised against the database").isEqualTo(401);
                assertThat(claim.body()).contains("client-certificate-rejected");

                // B may take one more heartbeat from its cache; its batch finds the key changed and evicts the host.
                post(oldCert, b.url(), "/api/v1/agent/heartbeat");
                Thread.sleep(3 * b.heartbeats().interval().toMillis());
                b.heartbeats().flush();
                HttpResponse<String> hb = post(oldCert, b.url(), "/api/v1/agent/heartbeat");
                assertThat(hb.statusCode()).isEqualTo(401);
                assertThat(hb.body()).contains("client-certificate-rejected");
            }
        }
    }

    private HttpClient mtls(TestServer ts, AgentIdentity id, String certificatePem) {
        return HttpClient.newBuilder().sslContext(TlsContexts.client(ts.server.caCertificate(), id.privateKey(),
                TestPem.certificate(certificatePem))).build();
    }

    private static HttpResponse<String> post(HttpClient client, String url, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> register(HttpClient http, String url, String token, AgentIdentity id) throws Exception {
        HostFacts facts = new HostFacts("edge-r", "machine-r", "ubuntu", "24.04", "6.1", "amd64", 4, 8L << 30, List.of(), List.of());
        JsonNode body = json.valueToTree(Map.of("token", token, "csr", id.csrPem("edge-r"), "facts", facts));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/agent/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
