package io.hybridctl.pki;

import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.RevocationReason;
import io.hybridctl.pki.ledger.Ledger;
import io.hybridctl.pki.ledger.LedgerEntry;
import io.hybridctl.pki.status.CertificateState;
import io.hybridctl.pki.status.HostStatus;
import io.hybridctl.pki.status.StatusReport;
import io.hybridctl.pki.store.PkiLock;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PkiDirectoryTest {

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.at("2026-11-22T05:00:00Z");
    private PkiLayout layout;
    private PkiDirectory dir;
    private CertificateAuthority ca;

    @BeforeEach
    void createCa() throws Exception {
        layout = new PkiLayout(root.resolve("pki"));
        dir = new PkiDirectory(layout, clock);
        ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), clock);
        dir.initialize(ca, Optional.empty(), PkiDirectory.DEFAULT_CRL_VALIDITY);
    }

    @Test
    void initWritesTheLayoutWithAPrivateKeyAndRefusesASecondCa() throws Exception {
        assertThat(layout.caCertificate()).exists();
        assertThat(Files.getPosixFilePermissions(layout.caKey())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(layout.root())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(layout.ledger()).exists();
        assertThat(Openssl.run("crl", "-in", layout.crl().toString(), "-CAfile", layout.caCertificate().toString(), "-noout").output()).contains("verify OK");
        byte[] before = Files.readAllBytes(layout.caKey());
        CertificateAuthority other = CertificateAuthority.create("other", KeyAlgorithm.EC_P384, Duration.ofDays(10), clock);
        assertThatThrownBy(() -> dir.initialize(other, Optional.empty(), Duration.ofDays(1)))
                .isInstanceOf(PkiException.class).hasMessageContaining("already holds a CA");
        assertThat(Files.readAllBytes(layout.caKey())).isEqualTo(before);
    }

    @Test
    void encryptedCaRoundTripsThroughTheDirectory() throws Exception {
        PkiLayout other = new PkiLayout(root.resolve("enc"));
        Passphrase pass = Passphrase.of("a long passphrase".toCharArray());
        new PkiDirectory(other, clock).initialize(ca, Optional.of(pass), Duration.ofDays(30));
        assertThat(Files.readString(other.caKey())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(CertificateAuthority.open(other, Optional.of(pass)).certificate()).isEqualTo(ca.certificate());
        assertThatThrownBy(() -> CertificateAuthority.open(other, Optional.empty())).hasMessageContaining("encrypted");
    }

    @Test
    void issueWritesNodeFilesThatOpensslVerifiesAndKeys0600() throws Exception {
        RunReport report = dir.issue(ca, List.of("east-01", "east-02"), IssuePolicy.defaults());
        assertThat(report.outcomes()).extracting(IssueOutcome::action).containsOnly(IssueOutcome.Action.ISSUED);
        for (String host : List.of("east-01", "east-02")) {
            assertThat(Files.getPosixFilePermissions(layout.nodeKey(host))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(layout.nodeCertificate(host))).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
            Openssl.Result verify = Openssl.run("verify", "-CAfile", layout.caCertificate().toString(), layout.nodeCertificate(host).toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(Openssl.run("x509", "-in", layout.nodeCertificate(host).toString(), "-noout", "-subject").output()).contains("CN = " + host);
        }
        Ledger ledger = dir.ledger();
        assertThat(ledger.certificates()).extracting(LedgerEntry::host).containsExactly("east-01", "east-02");
        assertThat(ledger.certificates()).noneMatch(LedgerEntry::recovered);
    }

    @Test
    void issuingAgainIsANoOpUnlessForcedOrDue() throws Exception {
        dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        byte[] cert = Files.readAllBytes(layout.nodeCertificate("east-01"));

        RunReport again = dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        assertThat(again.outcomes()).extracting(IssueOutcome::action).containsExactly(IssueOutcome.Action.UNCHANGED);
        assertThat(Files.readAllBytes(layout.nodeCertificate("east-01"))).isEqualTo(cert);
        assertThat(dir.ledger().certificates()).hasSize(1);

        RunReport forced = dir.issue(ca, List.of("east-01"), IssuePolicy.defaults().withForce(true));
        assertThat(forced.outcomes()).extracting(IssueOutcome::action).containsExactly(IssueOutcome.Action.RENEWED);
        assertThat(Files.readAllBytes(layout.nodeCertificate("east-01"))).isNotEqualTo(cert);

        clock.advance(Duration.ofDays(340)); // 25 days left: inside the 30-day window
        RunReport due = dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        assertThat(due.outcomes()).extracting(IssueOutcome::action).containsExactly(IssueOutcome.Action.RENEWED);
        assertThat(dir.ledger().certificates()).hasSize(3);
    }

    @Test
    void statusFollowsTheClockThroughEveryState() throws Exception {
        dir.issue(ca, List.of("east-01", "east-02", "east-03"), IssuePolicy.defaults());
        dir.revoke(ca, "east-03", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        Duration window = Duration.ofDays(30);

        assertThat(states(window, "east-01", "east-02", "east-03", "west-01"))
                .containsExactly(CertificateState.OK, CertificateState.OK, CertificateState.REVOKED, CertificateState.MISSING);

        clock.advance(Duration.ofDays(334)); // 31 days left
        assertThat(states(window, "east-01")).containsExactly(CertificateState.OK);
        clock.advance(Duration.ofDays(1)); // exactly 30 days left: rotate
        assertThat(states(window, "east-01")).containsExactly(CertificateState.ROTATE_SOON);
        assertThat(dir.status(List.of("east-01"), window).getFirst().daysLeft(clock.instant())).contains(30L);
        clock.advance(Duration.ofDays(30)); // notAfter itself: expired
        assertThat(states(window, "east-01")).containsExactly(CertificateState.EXPIRED);
        assertThat(dir.status(List.of("east-01"), window).getFirst().daysLeft(clock.instant())).contains(0L);

        StatusReport report = new StatusReport(dir.status(List.of("east-01", "east-02"), window), clock.instant(), window);
        assertThat(report.failed()).isTrue();
        assertThat(report.table()).contains("expired").contains("HOST").contains("DAYS LEFT");
        assertThat(report.json()).contains("\"state\" : \"expired\"").contains("\"daysLeft\" : 0");
    }

    @Test
    void onlyExpiredMissingOrInvalidFailTheStatus() throws Exception {
        dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        clock.advance(Duration.ofDays(350));
        Duration window = Duration.ofDays(30);
        assertThat(new StatusReport(dir.status(List.of("east-01"), window), clock.instant(), window).failed()).isFalse();
        assertThat(new StatusReport(dir.status(List.of("east-01", "west-01"), window), clock.instant(), window).failed()).isTrue();
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsInvalidAndIssueReplacesIt() throws Exception {
        dir.issue(ca, List.of("east-01", "east-02"), IssuePolicy.defaults());
        Files.copy(layout.nodeKey("east-02"), layout.nodeKey("east-01"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HostStatus broken = dir.status(List.of("east-01"), Duration.ofDays(30)).getFirst();
        assertThat(broken.state()).isEqualTo(CertificateState.INVALID);
        assertThat(broken.detail()).contains("does not belong");
        assertThat(dir.issue(ca, List.of("east-01"), IssuePolicy.defaults()).outcomes())
                .extracting(IssueOutcome::action).containsExactly(IssueOutcome.Action.ISSUED);
        assertThat(dir.status(List.of("east-01"), Duration.ofDays(30)).getFirst().state()).isEqualTo(CertificateState.OK);
    }

    @Test
    void aCertificateFromAnotherCaIsInvalid() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create("x", KeyAlgorithm.EC_P384, Duration.ofDays(3650), clock);
        var creds = stranger.issue("east-01", Duration.ofDays(365), clock);
        Files.createDirectories(layout.nodeDirectory("east-01"));
        Files.writeString(layout.nodeCertificate("east-01"), creds.certificatePem());
        Files.writeString(layout.nodeKey("east-01"), creds.privateKeyPem());
        assertThat(dir.status(List.of("east-01"), Duration.ofDays(30)).getFirst().detail()).contains("not signed by the CA");
    }

    @Test
    void rotateRenewsOnlyCertificatesInsideTheWindow() throws Exception {
        dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        clock.advance(Duration.ofDays(200));
        dir.issue(ca, List.of("east-02"), IssuePolicy.defaults());
        clock.advance(Duration.ofDays(150)); // east-01: 15 days left; east-02: 215 days left
        IssuePolicy policy = IssuePolicy.defaults();

        RunReport rotated = dir.rotate(ca, List.of("east-01", "east-02", "west-01"), policy);
        assertThat(rotated.outcomes()).extracting(o -> o.host() + "=" + o.action())
                .containsExactly("east-01=RENEWED", "east-02=UNCHANGED", "west-01=SKIPPED");
        assertThat(dir.status(List.of("east-01"), policy.rotateWithin()).getFirst().daysLeft(clock.instant())).contains(365L);

        // A 250-day window takes east-02 too.
        IssuePolicy wide = new IssuePolicy(KeyAlgorithm.EC_P384, Duration.ofDays(365), Duration.ofDays(250), false);
        assertThat(dir.rotate(ca, List.of("east-01", "east-02"), wide).outcomes()).extracting(o -> o.host() + "=" + o.action())
                .containsExactly("east-01=UNCHANGED", "east-02=RENEWED");
    }

    @Test
    void revokeWritesACrlOpensslHonoursAndIssueReplacesTheRevokedCertificate() throws Exception {
        dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        PkiDirectory.Revoked revoked = dir.revoke(ca, "east-01", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        assertThat(revoked.crlNumber()).isEqualTo(2);
        Openssl.Result verify = Openssl.run("verify", "-crl_check", "-CRLfile", layout.crl().toString(), "-CAfile",
                layout.caCertificate().toString(), layout.nodeCertificate("east-01").toString());
        assertThat(verify.output()).contains("certificate revoked");
        assertThatThrownBy(() -> dir.revoke(ca, "east-01", RevocationReason.UNSPECIFIED, Duration.ofDays(30))).hasMessageContaining("already revoked");
        assertThatThrownBy(() -> dir.revoke(ca, "nobody", RevocationReason.UNSPECIFIED, Duration.ofDays(30))).hasMessageContaining("no certificate");

        assertThat(dir.issue(ca, List.of("east-01"), IssuePolicy.defaults()).outcomes()).extracting(IssueOutcome::action)
                .containsExactly(IssueOutcome.Action.ISSUED);
        assertThat(Openssl.run("verify", "-crl_check", "-CRLfile", layout.crl().toString(), "-CAfile",
                layout.caCertificate().toString(), layout.nodeCertificate("east-01").toString()).exitCode()).isZero();
    }

    @Test
    void aStaleCrlIsRewrittenByTheNextRun() throws Exception {
        dir.issue(ca, List.of("east-01"), IssuePolicy.defaults());
        dir.revoke(ca, "east-01", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        String crl = Files.readString(layout.crl());
        Files.writeString(layout.crl(), ca.crl(List.of(), 1, clock.instant(), Duration.ofDays(1))); // as if the CRL write was lost
        RunReport report = dir.issue(ca, List.of("east-02"), IssuePolicy.defaults());
        assertThat(report.repairs()).anyMatch(r -> r.contains("rewrote crl.pem"));
        assertThat(dir.crlNumber()).contains(2L);
        assertThat(Files.readString(layout.crl())).isNotEqualTo(crl); // new thisUpdate, same revocations
    }

    @Test
    void anotherCaCannotWriteIntoTheDirectory() {
        CertificateAuthority other = CertificateAuthority.create("o", KeyAlgorithm.EC_P384, Duration.ofDays(3650), clock);
        assertThatThrownBy(() -> dir.issue(other, List.of("east-01"), IssuePolicy.defaults())).hasMessageContaining("not the CA stored");
    }

    @Test
    void aDamagedLedgerIsReportedNotOverwritten() throws Exception {
        Files.writeString(layout.ledger(), "{ \"version\": 1, \"certificates\": [ {");
        assertThatThrownBy(() -> dir.issue(ca, List.of("east-01"), IssuePolicy.defaults()))
                .isInstanceOf(PkiException.class).hasMessageContaining("not a readable ledger").hasMessageContaining("backup");
        assertThat(Files.readString(layout.ledger())).isEqualTo("{ \"version\": 1, \"certificates\": [ {");
        assertThat(layout.nodeCertificate("east-01")).doesNotExist();
    }

    @Test
    void crashBetweenCertificateAndLedgerIsReportedThenRepaired() throws Exception {
        Process child = IssueProcess.start(layout.root(), 5_000, "after-certificate", "east-01");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(137);
        assertThat(layout.nodeCertificate("east-01")).exists();
        assertThat(dir.ledger().certificates()).isEmpty();

        // status is read-only: it reports the unrecorded certificate.
        HostStatus seen = dir.status(List.of("east-01"), Duration.ofDays(30)).getFirst();
        assertThat(seen.notes()).singleElement().asString().contains("not in the ledger");

        // The next changing run records it from the certificate and keeps it, since it is valid.
        clock.set(java.time.Instant.now());
        RunReport next = dir.issue(ca, List.of("east-01", "east-02"), IssuePolicy.defaults());
        assertThat(next.repairs()).anyMatch(r -> r.contains("recorded certificate") && r.contains("east-01"));
        assertThat(next.outcomes()).extracting(o -> o.host() + "=" + o.action()).containsExactly("east-01=UNCHANGED", "east-02=ISSUED");
        LedgerEntry recovered = dir.ledger().latest("east-01").orElseThrow();
        assertThat(recovered.recovered()).isTrue();
        assertThat(recovered.serialNumber()).isEqualTo(PemCodec.readCertificate(Files.readString(layout.nodeCertificate("east-01")), "c").getSerialNumber());
        assertThat(dir.status(List.of("east-01"), Duration.ofDays(30)).getFirst().notes()).isEmpty();
    }

    @Test
    @SuppressWarnings("try")
    void aSecondProcessWaitsForTheLockAndGivesUpWithAMessage() throws Exception {
        try (PkiLock held = PkiLock.acquire(layout.root(), Duration.ofSeconds(1))) {
            Process child = IssueProcess.start(layout.root(), 300, null, "east-01");
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(out).isEqualTo(3);
            assertThat(out).contains("another hybridctl process");
        }
        assertThat(layout.nodeCertificate("east-01")).doesNotExist();
    }

    @Test
    void concurrentRunsInOneProcessLoseNoLedgerEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<RunReport>> runs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int base = t;
                runs.add(pool.submit(() -> dir.issue(ca, IntStream.range(0, 3).mapToObj(i -> "n" + base + "-" + i).toList(), IssuePolicy.defaults())));
            }
            for (Future<RunReport> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dir.ledger().certificates()).hasSize(9);
        assertThat(dir.knownHosts()).hasSize(9);
    }

    private List<CertificateState> states(Duration window, String... hosts) throws PkiException {
        return dir.status(List.of(hosts), window).stream().map(HostStatus::state).toList();
    }

    // The fleet server's bootstrap path: the node makes its key and CSR (here with openssl, as a host would).

    private Path csr(String subject) {
        Path key = root.resolve("node.key");
        Path csr = root.resolve("node.csr");
        Openssl.Result r = Openssl.run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
                "-keyout", key.toString(), "-subj", subject, "-out", csr.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        return csr;
    }

    @Test
    void aNodesCsrIsSignedWithTheNodeProfileAndRecordedAsHeldByTheNode() throws Exception {
        Path csrFile = csr("/CN=whatever-the-host-asked");
        PKCS10CertificationRequest csr = PemCodec.readCsr(Files.readString(csrFile), csrFile.toString());

        X509CertificateHolder cert = dir.signNode(ca, csr, "east-09", Duration.ofDays(90));

        Path certFile = root.resolve("east-09.pem");
        Files.writeString(certFile, PemCodec.certificate(cert));
        assertThat(Openssl.run("verify", "-CAfile", layout.caCertificate().toString(), certFile.toString()).output()).contains(": OK");
        String text = Openssl.run("x509", "-in", certFile.toString(), "-noout", "-text").output();
        assertThat(text).contains("Subject: CN = east-09").contains("DNS:east-09").contains("TLS Web Client Authentication")
                .contains("CA:FALSE").doesNotContain("whatever-the-host-asked");
        // The certificate carries the node's own key.
        String nodePub = Openssl.run("pkey", "-in", root.resolve("node.key").toString(), "-pubout").output();
        String certPub = Openssl.run("x509", "-in", certFile.toString(), "-noout", "-pubkey").output();
        assertThat(certPub).isEqualTo(nodePub);

        LedgerEntry entry = dir.ledger().latest("east-09").orElseThrow();
        assertThat(entry.heldByNode()).isTrue();
        assertThat(entry.serialNumber()).isEqualTo(cert.getSerialNumber());
        assertThat(layout.nodeKey("east-09")).doesNotExist();

        HostStatus status = dir.status(List.of("east-09"), Duration.ofDays(30)).get(0);
        assertThat(status.state()).isEqualTo(CertificateState.OK);
        assertThat(status.notes()).anyMatch(n -> n.contains("on the node"));
        clock.advance(Duration.ofDays(70));
        assertThat(dir.status(List.of("east-09"), Duration.ofDays(30)).get(0).state()).isEqualTo(CertificateState.ROTATE_SOON);

        // pki rotate cannot renew a key it does not have: it leaves the host to the fleet unless forced.
        RunReport rotated = dir.rotate(ca, List.of("east-09"), IssuePolicy.defaults());
        assertThat(rotated.outcomes().get(0).action()).isEqualTo(IssueOutcome.Action.SKIPPED);
        assertThat(layout.nodeKey("east-09")).doesNotExist();
    }

    @Test
    void aCsrNotSignedByItsOwnKeyIsRefused() throws Exception {
        Path csrFile = csr("/CN=east-10");
        String pem = Files.readString(csrFile);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        der[der.length - 5] ^= 0x5A; // inside the signature
        PKCS10CertificationRequest tampered = new PKCS10CertificationRequest(der);

        assertThatThrownBy(() -> dir.signNode(ca, tampered, "east-10", Duration.ofDays(90)))
                .isInstanceOf(PkiException.class).hasMessageContaining("not signed by its own key");
        assertThat(dir.ledger().latest("east-10")).isEmpty();
        assertThatThrownBy(() -> PemCodec.readCsr("not a csr", "request")).isInstanceOf(PkiException.class)
                .hasMessageContaining("certificate signing request");
    }
}
