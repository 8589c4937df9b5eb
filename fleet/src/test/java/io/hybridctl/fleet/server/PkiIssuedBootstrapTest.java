package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.HostWaits;
import io.hybridctl.fleet.Openssl;
import io.hybridctl.fleet.PlanOf;
import io.hybridctl.fleet.TestSpecs;
import io.hybridctl.fleet.agent.InProcessAgents;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ledger.LedgerEntry;
import io.hybridctl.pki.status.CertificateState;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IAM Roles Anywhere with one trust anchor: the CA that signs node certificates is the `hybridctl pki` CA the imported
 * spec names (caBundle.pki), whose ca.pem plan puts in the CloudFormation TrustAnchor. The agents make their own keys,
 * the pki CA signs CN = node name and records the certificates in its ledger, and `openssl verify` accepts them
 * against the trust anchor plan rendered. A CA that is not the trust anchor signs nothing.
 */
class PkiIssuedBootstrapTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final List<String> HOSTS = List.of("edge-01", "edge-02", "edge-03");

    private static Path pkiDirectory(Path dir) throws Exception {
        PkiLayout layout = new PkiLayout(dir);
        CertificateAuthority ca = CertificateAuthority.create("fleet-test", KeyAlgorithm.EC_P384, Duration.ofDays(3650), Clock.systemUTC());
        new PkiDirectory(layout, Clock.systemUTC()).initialize(ca, Optional.of(Passphrase.of(PASSPHRASE.toCharArray())), Duration.ofDays(30));
        return layout.root();
    }

    private static Path passphraseFile(Path root, String content) throws Exception {
        Path f = root.resolve("pass-" + content.length());
        Files.writeString(f, content + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** @param pkiOverride --pki-dir, or null to sign with the CA the spec names */
    private static ServerOptions serverOptions(Path tmp, Path pkiOverride) throws Exception {
        return ServerOptions.loopback(tmp.resolve("server"), null)
                .withTiming(new io.hybridctl.fleet.service.Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .withPki(new ServerOptions.PkiSource(pkiOverride, passphraseFile(tmp, PASSPHRASE)));
    }

    private static JsonNode importIra(FleetApiClient admin, Path specDir) throws Exception {
        JsonNode imported = admin.post("/api/v1/clusters", TestSpecs.importBody(TestSpecs.ira("ira", "pki", TestSpecs.site("dc-1", HOSTS)), specDir));
        admin.put("/api/v1/clusters/ira/iam-roles-anywhere", Map.of(
                "trustAnchorArn", "arn:aws:rolesanywhere:us-west-2:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001",
                "profileArn", "arn:aws:rolesanywhere:us-west-2:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002",
                "roleArn", "arn:aws:iam::111122223333:role/HybridNodes"));
        return imported;
    }

    private static String token(FleetApiClient admin, JsonNode imported, int uses) throws Exception {
        return admin.post("/api/v1/registration-tokens", Map.of("poolId", imported.path("pools").get(0).path("id").asText(), "maxUses", uses,
                "ttlSeconds", 3600, "autoAssign", true)).path("token").asText();
    }

    /** The trust anchor's certificate as plan's CloudFormation template carries it (X509CertificateData). */
    private static String trustAnchorFromPlan(Path specFile) throws Exception {
        var plan = PlanOf.plan(specFile, Optional.empty());
        String cfn = plan.artifacts().entrySet().stream().filter(e -> e.getKey().startsWith("cloudformation/")).findFirst().orElseThrow()
                .getValue().text();
        int at = cfn.indexOf("-----BEGIN CERTIFICATE-----");
        int end = cfn.indexOf("-----END CERTIFICATE-----", at) + "-----END CERTIFICATE-----".length();
        assertThat(at).as("plan put a CA certificate in the template").isPositive();
        return cfn.substring(at, end).lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
    }

    @Test
    void threeHostsGetCertificatesFromTheSpecsPkiCaThatOpensslVerifiesAgainstPlansTrustAnchor(@TempDir Path tmp) throws Exception {
        Path specDir = tmp.resolve("spec");
        pkiDirectory(specDir.resolve("pki"));
        // No --pki-dir: the CA is the one the spec names; only the passphrase is given to the server.
        ServerOptions opts = serverOptions(tmp, null);
        try (FleetServer server = FleetServer.start(opts);
             FleetApiClient admin = new FleetApiClient(server.url(), server.initialAdminToken().orElseThrow(), server.caCertificate());
             InProcessAgents agents = new InProcessAgents()) {
            JsonNode imported = importIra(admin, specDir);
            String token = token(admin, imported, HOSTS.size());
            for (String h : HOSTS) {
                agents.start(server.url(), token, server.caFingerprint(), tmp.resolve("agent-" + h), h, Duration.ofMillis(20), null);
            }
            for (String h : HOSTS) {
                waitUntilReady(admin, h);
            }
            Path anchor = Files.writeString(tmp.resolve("trust-anchor.pem"), trustAnchorFromPlan(specDir.resolve("cluster.yaml")));
            PkiDirectory directory = new PkiDirectory(new PkiLayout(specDir.resolve("pki")), Clock.systemUTC());
            for (String h : HOSTS) {
                Path certFile = tmp.resolve("agent-" + h + "/root" + Operations.IRA_CERT_PATH);
                X509CertificateHolder cert = PemCodec.readCertificate(Files.readString(certFile), "server.pem");
                assertThat(cert.getSubject().toString()).isEqualTo("CN=" + h);
                assertThat(Openssl.verify(anchor, certFile)).as("openssl verify of " + h).isEqualTo(certFile + ": OK");
                assertThat(Files.readString(tmp.resolve("agent-" + h + "/root" + Operations.IRA_KEY_PATH))).contains("PRIVATE KEY");
                LedgerEntry entry = directory.ledger().latest(h).orElseThrow();
                assertThat(entry.heldByNode()).isTrue();
                assertThat(entry.serialNumber()).isEqualTo(cert.getSerialNumber());
                assertThat(directory.status(List.of(h), Duration.ofDays(30)).get(0).state()).isEqualTo(CertificateState.OK);
            }
            assertThat(agents.failures).isEmpty();
        }
    }

    @Test
    void aCaThatIsNotTheSpecsTrustAnchorSignsNothingAndTheFailureSaysHowToFixIt(@TempDir Path tmp) throws Exception {
        Path specDir = tmp.resolve("spec");
        pkiDirectory(specDir.resolve("pki"));
        Path other = pkiDirectory(tmp.resolve("other-pki"));
        ServerOptions opts = serverOptions(tmp, other);
        try (FleetServer server = FleetServer.start(opts);
             FleetApiClient admin = new FleetApiClient(server.url(), server.initialAdminToken().orElseThrow(), server.caCertificate());
             InProcessAgents agents = new InProcessAgents()) {
            JsonNode imported = importIra(admin, specDir);
            agents.start(server.url(), token(admin, imported, 1), server.caFingerprint(), tmp.resolve("agent"), "edge-01", Duration.ofMillis(20), null);
            JsonNode failed = waitForState(admin, "edge-01", "FAILED");
            JsonNode op = admin.get("/api/v1/hosts/" + failed.path("id").asText()).path("operations").get(0);
            assertThat(op.path("reason").asText()).contains("is not in cluster ira's trust anchor")
                    .contains("start the server without --pki-dir").contains("hybridctl fleet import -f SPEC");
            assertThat(Files.exists(tmp.resolve("agent/root" + Operations.IRA_CERT_PATH))).isFalse();
            assertThat(new PkiDirectory(new PkiLayout(other), Clock.systemUTC()).ledger().latest("edge-01")).isEmpty();
        }
    }

    @Test
    void aWrongPassphraseStopsTheServerWithAMessageThatDoesNotContainIt(@TempDir Path tmp) throws Exception {
        Path pki = pkiDirectory(tmp.resolve("pki"));
        ServerOptions opts = ServerOptions.loopback(tmp.resolve("server"), null)
                .withPki(new ServerOptions.PkiSource(pki, passphraseFile(tmp, "not the passphrase at all")));
        assertThatThrownBy(() -> FleetServer.start(opts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--pki-dir: ").hasMessageNotContaining("not the passphrase at all");
        ServerOptions missing = ServerOptions.loopback(tmp.resolve("server2"), null)
                .withPki(new ServerOptions.PkiSource(tmp.resolve("nowhere"), null));
        assertThatThrownBy(() -> FleetServer.start(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hybridctl pki init");
    }

    private static JsonNode waitForState(FleetApiClient admin, String hostname, String state) throws Exception {
        return HostWaits.state(admin, hostname, state);
    }

    private static void waitUntilReady(FleetApiClient admin, String hostname) throws Exception {
        HostWaits.state(admin, hostname, "READY");
    }
}
