package io.hybridctl.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.agent.AgentMain;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.pki.ca.TlsKeys;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.server.ServerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server process and real agent processes (simulated executor) on loopback: register over mTLS, bootstrap, and
 * every way in without valid credentials is refused. Finally no captured output holds a secret.
 */
class EndToEndTest {

    private static final String ACTIVATION_CODE = "Qm8SecretActivationCodeForE2E0123456789";

    @Test
    void threeAgentsRegisterOverMtlsAndBootstrapAndBadCredentialsAreRefused(@TempDir Path tmp) throws Exception {
        List<ChildProcess> procs = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(ACTIVATION_CODE));
        try (ChildProcess server = ChildProcess.start(tmp.resolve("logs/server.log"), ServerMain.class.getName(),
                "--data-dir", tmp.resolve("server").toString(), "--heartbeat-seconds", "1", "--lease-seconds", "30")) {
            procs.add(server);
            String tokenLine = server.awaitLine("initial admin token", Duration.ofSeconds(60));
            String adminToken = Files.readString(Path.of(tokenLine.substring(tokenLine.lastIndexOf(' ') + 1).trim())).trim();
            secrets.add(adminToken);
            String[] urlLine = server.awaitLine("fleet server: ", Duration.ofSeconds(60)).split(" ");
            String url = urlLine[2];
            String fingerprint = urlLine[4];
            X509Certificate ca = TestPem.certificate(Files.readString(tmp.resolve("server/agent-ca/ca.pem")));
            try (FleetApiClient admin = new FleetApiClient(url, adminToken, ca)) {
                JsonNode imported = admin.post("/api/v1/clusters", TestSpecs.importBody(
                        TestSpecs.ssm("edge", TestSpecs.site("store-1", List.of("edge-1", "edge-2", "edge-3", "edge-reused", "edge-revoked", "edge-expired"))), tmp.resolve("spec")));
                String pool = imported.path("pools").get(0).path("id").asText();
                admin.put("/api/v1/clusters/edge/ssm-activation", Map.of("activationId", "5d6e0a44-6a4c-4c8f-9a9b-123456789abc",
                        "activationCode", ACTIVATION_CODE));
                String single = token(admin, pool, 1, 3600, secrets);
                String shared = token(admin, pool, 2, 3600, secrets);
                List<ChildProcess> agents = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    agents.add(agent(tmp, url, fingerprint, i == 1 ? single : shared, "edge-" + i, procs));
                }
                awaitReady(admin, pool, 3);
                JsonNode hosts = admin.get("/api/v1/pools/" + pool + "/hosts");
                assertThat(hosts).hasSize(3).allSatisfy(h -> assertThat(h.path("state").asText()).isEqualTo("READY"));
                assertThat(agents).allSatisfy(a -> assertThat(a.alive()).isTrue());

                // A reused single-use token.
                ChildProcess reused = agent(tmp, url, fingerprint, single, "edge-reused", procs);
                assertThat(reused.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(reused.output()).contains("registration refused (401): registration token has no uses left");

                // A revoked token.
                JsonNode revokedToken = admin.post("/api/v1/registration-tokens", Map.of("poolId", pool, "maxUses", 5));
                secrets.add(revokedToken.path("token").asText());
                admin.delete("/api/v1/registration-tokens/" + revokedToken.path("id").asText());
                ChildProcess revoked = agent(tmp, url, fingerprint, revokedToken.path("token").asText(), "edge-revoked", procs);
                assertThat(revoked.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(revoked.output()).contains("registration token revoked");

                // An expired token.
                String expiring = token(admin, pool, 5, 1, secrets);
                Thread.sleep(1500);
                ChildProcess expired = agent(tmp, url, fingerprint, expiring, "edge-expired", procs);
                assertThat(expired.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(expired.output()).contains("registration token expired");

                // A client without a certificate, on every agent endpoint.
                try (HttpClient noCert = HttpClient.newBuilder().sslContext(TlsContexts.client(ca, null, null)).build()) {
                    String opId = "00000000-0000-0000-0000-000000000000";
                    for (String path : List.of("/api/v1/agent/heartbeat", "/api/v1/agent/operations/" + opId + "/claim",
                            "/api/v1/agent/operations/" + opId + "/report", "/api/v1/agent/operations/" + opId + "/node-certificate")) {
                        HttpResponse<String> r = noCert.send(HttpRequest.newBuilder(URI.create(url + path))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(path).isEqualTo(401);
                        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                        assertThat(r.body()).contains("client-certificate-required");
                    }
                }
                // A client certificate from a CA the server does not trust: JSSE drops it (client auth is "wanted"), so the
                // request arrives without a certificate and is refused the same way.
                io.hybridctl.pki.ca.CertificateAuthority rogue = io.hybridctl.pki.ca.CertificateAuthority.create("rogue",
                        io.hybridctl.pki.ca.KeyAlgorithm.EC_P384, java.time.Duration.ofDays(30), java.time.Clock.systemUTC());
                KeyPair kp = TlsKeys.newKeyPair();
                X509Certificate rogueCert = PemCodec.x509(rogue.issueServer(kp.getPublic(), List.of("edge-1"), java.time.Duration.ofDays(1), java.time.Clock.systemUTC()));
                try (HttpClient forged = HttpClient.newBuilder().sslContext(TlsContexts.client(ca, kp.getPrivate(), rogueCert)).build()) {
                    HttpResponse<String> r = forged.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/agent/heartbeat"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(401);
                } catch (IOException handshakeRefused) {
                    // Equally a refusal, should a JDK turn the untrusted certificate into a handshake failure.
                }
                // The audit log saw the registrations.
                assertThat(admin.get("/api/v1/audit").findValuesAsText("action")).contains("host.register", "registration-token.revoke",
                        "ssm-activation.upload", "cluster.import");
            }
            // Agents' key files are 0600 and their keys never reached the server.
            for (int i = 1; i <= 3; i++) {
                Path key = tmp.resolve("agent-edge-" + i + "/agent.key");
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
                secrets.add(privateKeyBody(Files.readString(key)));
            }
        } finally {
            for (ChildProcess p : procs) {
                p.close();
            }
        }
        // No secret in any captured output (server log and every agent's output).
        try (Stream<Path> logs = Files.list(tmp.resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                for (String secret : secrets) {
                    assertThat(text).as("secret in " + log.getFileName()).doesNotContain(secret);
                }
                assertThat(text).as(log.getFileName().toString()).doesNotContain("PRIVATE KEY");
            }
        }
    }

    private static String privateKeyBody(String pem) {
        String[] lines = pem.split("\n");
        return lines[1].trim();
    }

    private static String token(FleetApiClient admin, String pool, int maxUses, long ttl, List<String> secrets) throws Exception {
        String t = admin.post("/api/v1/registration-tokens", Map.of("poolId", pool, "maxUses", maxUses, "ttlSeconds", ttl)).path("token").asText();
        secrets.add(t);
        return t;
    }

    private static ChildProcess agent(Path tmp, String url, String fingerprint, String token, String name, List<ChildProcess> procs)
            throws IOException {
        // The token goes in a 0600 file, as the suggested agent command has it: argv is visible to every user.
        Path tokenFile = tmp.resolve("token-" + name);
        io.hybridctl.pki.store.AtomicFiles.writeSecret(tokenFile, token);
        ChildProcess p = ChildProcess.start(tmp.resolve("logs/" + name + ".log"), AgentMain.class.getName(), "--server", url,
                "--ca-fingerprint", fingerprint, "--token-file", tokenFile.toString(), "--state-dir", tmp.resolve("agent-" + name).toString(),
                "--hostname", name, "--machine-id", "machine-" + name, "--sim-step-ms", "100", "--max-backoff-ms", "2000");
        procs.add(p);
        return p;
    }

    private static void awaitReady(FleetApiClient admin, String pool, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonNode s = null;
        while (System.currentTimeMillis() < deadline) {
            s = admin.get("/api/v1/pools/" + pool);
            if (s.path("ready").asInt() == n) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("pool not ready: " + s);
    }
}
