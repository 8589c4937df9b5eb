package io.hybridctl.fleet.server;

import io.hybridctl.fleet.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.agent.AgentIdentity;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.fleet.security.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint that takes a body answers oversized, malformed and unknown-field bodies with problem+json 4xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputValidationTest {

    @TempDir
    static Path tmp;
    private TestServer ts;
    private HttpClient adminHttp;
    private HttpClient agentHttp;
    private String hostId;
    private String opId;

    record Endpoint(String method, String path, boolean agent) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void start() throws Exception {
        ts = TestServer.start(tmp.resolve("server"), "h2");
        adminHttp = HttpClient.newBuilder().sslContext(TlsContexts.client(ts.server.caCertificate(), null, null)).build();
        AgentIdentity id = AgentIdentity.openOrCreate(tmp.resolve("agent"));
        String token = ts.registrationToken(ts.poolA, 1, 3600, true);
        ObjectMapper json = ApiJson.mapper();
        HostFacts facts = new HostFacts("edge-x", "machine-x", "ubuntu", "24.04", "6.1", "amd64", 4, 8L << 30, List.of(), List.of());
        HttpResponse<String> reg = adminHttp.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/agent/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("token", token, "csr", id.csrPem("edge-x"), "facts", facts))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);
        JsonNode r = json.readTree(reg.body());
        hostId = r.path("hostId").asText();
        agentHttp = HttpClient.newBuilder().sslContext(TlsContexts.client(ts.server.caCertificate(), id.privateKey(),
                TestPem.certificate(r.path("certificate").asText()))).build();
        opId = ts.admin.get("/api/v1/hosts/" + hostId).path("operations").get(0).path("id").asText();
    }

    @AfterAll
    void stop() {
        ts.close();
    }

    Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/v1/agent/register", false),
                new Endpoint("POST", "/api/v1/agent/heartbeat", true),
                new Endpoint("POST", "/api/v1/agent/operations/{op}/report", true),
                new Endpoint("POST", "/api/v1/agent/operations/{op}/node-certificate", true),
                new Endpoint("POST", "/api/v1/clusters", false),
                new Endpoint("PUT", "/api/v1/clusters/edge/ssm-activation", false),
                new Endpoint("PUT", "/api/v1/clusters/edge/iam-roles-anywhere", false),
                new Endpoint("PATCH", "/api/v1/pools/{pool}", false),
                new Endpoint("POST", "/api/v1/profiles/edge-default/revisions", false),
                new Endpoint("POST", "/api/v1/registration-tokens", false),
                new Endpoint("POST", "/api/v1/hosts/{host}/assign", false),
                new Endpoint("POST", "/api/v1/operations", false),
                new Endpoint("POST", "/api/v1/api-tokens", false));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void malformedJson(Endpoint e) throws Exception {
        assertProblem(send(e, "{\"name\": \"x\",,}"), 400, "malformed-json");
        assertProblem(send(e, "[1,2"), 400, null);
        assertProblem(send(e, "{} trailing"), 400, null);
        assertProblem(send(e, ""), 400, null);
        assertProblem(send(e, "null"), 400, null);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void unknownFields(Endpoint e) throws Exception {
        HttpResponse<String> r = send(e, "{\"surprise\": 1}");
        assertProblem(r, 400, "unknown-field");
        assertThat(r.body()).contains("surprise");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void oversizedBodies(Endpoint e) throws Exception {
        String big = "{\"name\": \"" + "x".repeat(ApiJson.MAX_BODY + 10) + "\"}";
        assertProblem(send(e, big), 413, null);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void wrongTypesAndMissingFields(Endpoint e) throws Exception {
        if (!e.path().endsWith("/heartbeat")) {
            // Every field of a heartbeat is optional; everywhere else an empty object misses required fields.
            assertProblem(send(e, "{}"), -1, null);
        }
        assertProblem(send(e, "42"), 400, null);
        assertProblem(send(e, "{\"facts\": 1, \"name\": [], \"poolId\": {}, \"step\": \"x\"}"), 400, null);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void wrongContentType(Endpoint e) throws Exception {
        HttpRequest.Builder b = request(e).header("Content-Type", "text/plain").method(e.method(), HttpRequest.BodyPublishers.ofString("{}"));
        assertProblem((e.agent() ? agentHttp : adminHttp).send(b.build(), HttpResponse.BodyHandlers.ofString()), 415, null);
    }

    @org.junit.jupiter.api.Test
    void badQueryParametersAndUnknownIdsAreProblems() throws Exception {
        assertProblem(get("/api/v1/events?after=abc"), 400, null);
        assertProblem(get("/api/v1/operations"), 400, null);
        assertProblem(get("/api/v1/hosts/nope"), 404, null);
        assertProblem(get("/api/v1/pools/nope"), 404, null);
        assertProblem(get("/api/v1/operations/nope/logs"), 404, null);
        assertProblem(get("/api/v1/no-such-thing"), 404, null);
    }

    @org.junit.jupiter.api.Test
    void rolesAreEnforced() throws Exception {
        String viewer = ts.admin.post("/api/v1/api-tokens", Map.of("name", "ro", "role", "viewer")).path("token").asText();
        HttpResponse<String> r = adminHttp.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/registration-tokens"))
                .header("Authorization", "Bearer " + viewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"poolId\":\"" + ts.poolA + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 403, "forbidden");
        HttpResponse<String> ok = adminHttp.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/pools"))
                .header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> none = adminHttp.send(HttpRequest.newBuilder(URI.create(ts.server.url() + "/api/v1/pools")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 401, "unauthorized");
    }

    @org.junit.jupiter.api.Test
    void openApiDocumentListsEveryRoute() throws Exception {
        JsonNode doc = ts.admin.get("/api/v1/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        for (Endpoint e : endpoints().toList()) {
            String templated = e.path().replace("{op}", "{id}").replace("{pool}", "{id}").replace("{host}", "{id}")
                    .replace("/edge/", "/{id}/").replace("/edge-default/", "/{id}/");
            assertThat(doc.path("paths").has(templated)).as(templated).isTrue();
            assertThat(doc.path("paths").path(templated).has(e.method().toLowerCase())).as(e.toString()).isTrue();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return adminHttp.send(HttpRequest.newBuilder(URI.create(ts.server.url() + path)).header("Authorization", "Bearer " + ts.adminToken).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(Endpoint e) {
        String path = e.path().replace("{op}", opId).replace("{pool}", ts.poolA).replace("{host}", hostId);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ts.server.url() + path));
        if (!e.agent()) {
            b.header("Authorization", "Bearer " + ts.adminToken);
        }
        return b;
    }

    private HttpResponse<String> send(Endpoint e, String body) throws Exception {
        HttpRequest.Builder b = request(e).header("Content-Type", "application/json").method(e.method(), HttpRequest.BodyPublishers.ofString(body));
        return (e.agent() ? agentHttp : adminHttp).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** status -1: any 4xx. */
    private static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
        if (status == -1) {
            assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        } else {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        }
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = new ObjectMapper().readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(r.statusCode());
        assertThat(p.path("detail").asText()).isNotBlank();
        if (type != null) {
            assertThat(p.path("type").asText()).endsWith("/" + type);
        }
    }
}
