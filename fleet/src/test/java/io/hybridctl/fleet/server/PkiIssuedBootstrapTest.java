package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.JsonNode;
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
 * With --pki-dir, IAM Roles Anywhere hosts get their certificate from the `hybridctl pki` CA: the agent's own key, a
 * certificate the pki CA signed with CN = node name, and an entry in that directory's ledger that `pki status` reads.
 */
class PkiIssuedBootstrapTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    private static Path pkiDirectory(Path root) throws Exception {
        PkiLayout layout = new PkiLayout(root.resolve("pki"));
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

    @Test
    void anIamRolesAnywhereHostIsBootstrappedWithACertificateFromThePkiCa(@TempDir Path tmp) throws Exception {
        Path pki = pkiDirectory(tmp);
        ServerOptions opts = ServerOptions.loopback(tmp.resolve("server"), null)
                .withTiming(new io.hybridctl.fleet.service.Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .withPki(new ServerOptions.PkiSource(pki, passphraseFile(tmp, PASSPHRASE)));
        try (FleetServer server = FleetServer.start(opts);
             FleetApiClient admin = new FleetApiClient(server.url(), server.initialAdminToken().orElseThrow(), server.caCertificate());
             InProcessAgents agents = new InProcessAgents()) {
            JsonNode imported = admin.post("/api/v1/clusters", Map.of("name", "ira", "region", "us-west-2", "kubernetesVersion", "1.31",
                    "credentialProvider", "iam-ra", "sites", List.of(Map.of("name", "dc-1"))));
            admin.put("/api/v1/clusters/ira/iam-roles-anywhere", Map.of(
                    "trustAnchorArn", "arn:aws:rolesanywhere:us-west-2:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001",
                    "profileArn", "arn:aws:rolesanywhere:us-west-2:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002",
                    "roleArn", "arn:aws:iam::111122223333:role/HybridNodes"));
            String pool = imported.path("pools").get(0).path("id").asText();
            String token = admin.post("/api/v1/registration-tokens", Map.of("poolId", pool, "maxUses", 1, "ttlSeconds", 3600,
                    "autoAssign", true)).path("token").asText();
            agents.start(server.url(), token, server.caFingerprint(), tmp.resolve("agent"), "Edge-07", Duration.ofMillis(20), null);

            waitUntilReady(admin, "Edge-07");

            String certPem = Files.readString(tmp.resolve("agent/root" + Operations.IRA_CERT_PATH));
            X509CertificateHolder cert = PemCodec.readCertificate(certPem, "server.pem");
            CertificateAuthority pkiCa = CertificateAuthority.open(new PkiLayout(pki), Optional.of(Passphrase.of(PASSPHRASE.toCharArray())));
            assertThat(pkiCa.signed(cert)).as("signed by the pki CA, not the server's own node CA").isTrue();
            assertThat(cert.getSubject().toString()).isEqualTo("CN=edge-07");
            assertThat(Files.readString(tmp.resolve("agent/root" + Operations.IRA_KEY_PATH))).contains("PRIVATE KEY");

            PkiDirectory directory = new PkiDirectory(new PkiLayout(pki), Clock.systemUTC());
            LedgerEntry entry = directory.ledger().latest("edge-07").orElseThrow();
            assertThat(entry.heldByNode()).isTrue();
            assertThat(entry.serialNumber()).isEqualTo(cert.getSerialNumber());
            assertThat(directory.status(List.of("edge-07"), Duration.ofDays(30)).get(0).state()).isEqualTo(CertificateState.OK);
            assertThat(agents.failures).isEmpty();
        }
    }

    @Test
    void aWrongPassphraseStopsTheServerWithAMessageThatDoesNotContainIt(@TempDir Path tmp) throws Exception {
        Path pki = pkiDirectory(tmp);
        ServerOptions opts = ServerOptions.loopback(tmp.resolve("server"), null)
                .withPki(new ServerOptions.PkiSource(pki, passphraseFile(tmp, "not the passphrase at all")));
        assertThatThrownBy(() -> FleetServer.start(opts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--pki-dir: ").hasMessageNotContaining("not the passphrase at all");
        ServerOptions missing = ServerOptions.loopback(tmp.resolve("server2"), null)
                .withPki(new ServerOptions.PkiSource(tmp.resolve("nowhere"), null));
        assertThatThrownBy(() -> FleetServer.start(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hybridctl pki init");
    }

    private static void waitUntilReady(FleetApiClient admin, String hostname) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode h : admin.get("/api/v1/hosts")) {
                if (h.path("hostname").asText().equals(hostname)) {
                    last = h;
                    if (h.path("state").asText().equals("READY")) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("host " + hostname + " never became READY: " + last);
    }
}
