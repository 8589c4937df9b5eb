package io.hybridctl.pki;

import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.RevocationReason;
import io.hybridctl.pki.status.CertificateState;
import io.hybridctl.pki.status.StatusReport;
import io.hybridctl.spec.model.PkiLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger is never the only record of a revocation, and a damaged one is refused with a clear message. */
class LedgerDurabilityTest {

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

    private int opensslVerify(String host) {
        return Openssl.run("verify", "-crl_check", "-CRLfile", layout.crl().toString(), "-CAfile", layout.caCertificate().toString(),
                layout.nodeCertificate(host).toString()).exitCode();
    }

    /** The finding: revoke for key compromise, delete the ledger, revoke another: the first came back to life. */
    @Test
    void aLostLedgerIsAnErrorNotAFreshStartThatUnRevokes() throws Exception {
        dir.issue(ca, List.of("east-01", "east-02"), IssuePolicy.defaults());
        dir.revoke(ca, "east-01", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        assertThat(opensslVerify("east-01")).isNotZero();
        Files.delete(layout.ledger());

        assertThatThrownBy(() -> dir.status(List.of("east-01"), Duration.ofDays(30))).isInstanceOf(PkiException.class)
                .hasMessageContaining("is missing").hasMessageContaining("un-revoke").hasMessageContaining("backup");
        assertThatThrownBy(() -> dir.revoke(ca, "east-02", RevocationReason.SUPERSEDED, Duration.ofDays(30)))
                .isInstanceOf(PkiException.class).hasMessageContaining("is missing");
        assertThat(layout.ledger()).doesNotExist();
        assertThat(opensslVerify("east-01")).as("the CRL still revokes it").isNotZero();
    }

    /** Rebuilt from nothing (the documented repair): every serial the last CRL listed stays revoked, numbers go up. */
    @Test
    void aRebuiltLedgerKeepsEveryRevocationTheLastCrlListed() throws Exception {
        dir.issue(ca, List.of("east-01", "east-02", "east-03"), IssuePolicy.defaults());
        dir.revoke(ca, "east-01", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        String serial1 = dir.ledger().latest("east-01").orElseThrow().serial();
        // east-03's files are gone too: its revocation is known from the CRL alone
        String serial3 = dir.ledger().latest("east-03").orElseThrow().serial();
        dir.revoke(ca, "east-03", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        Path east3 = layout.nodeCertificate("east-03");
        byte[] east3Pem = Files.readAllBytes(east3);
        Files.delete(east3);
        Files.delete(layout.nodeKey("east-03"));
        Files.delete(east3.getParent());
        Files.writeString(layout.ledger(), "{\"version\": 1, \"crlNumber\": 0, \"certificates\": []}");

        assertThat(dir.status(List.of("east-01"), Duration.ofDays(30))).singleElement()
                .satisfies(h -> assertThat(h.state()).isEqualTo(CertificateState.REVOKED));
        PkiDirectory.Revoked next = dir.revoke(ca, "east-02", RevocationReason.SUPERSEDED, Duration.ofDays(30));
        assertThat(next.repairs()).anySatisfy(r -> assertThat(r).contains("kept serial " + serial1 + " revoked"))
                .anySatisfy(r -> assertThat(r).contains("kept serial " + serial3 + " revoked"))
                .anySatisfy(r -> assertThat(r).contains("raised the ledger's CRL number from 0 to 3"));
        assertThat(next.crlNumber()).isEqualTo(4);
        assertThat(dir.ledger().latest("east-01").orElseThrow().revoked()).as("recorded from disk, and revoked").isTrue();
        assertThat(opensslVerify("east-01")).isNotZero();
        assertThat(opensslVerify("east-02")).isNotZero();
        Files.createDirectories(east3.getParent());
        Files.write(east3, east3Pem);
        assertThat(opensslVerify("east-03")).as("a revocation known only from the CRL is carried into the next CRL").isNotZero();
    }

    @Test
    void statusFailsWhenACertificateIsRevoked() throws Exception {
        dir.issue(ca, List.of("east-01", "east-02"), IssuePolicy.defaults());
        dir.revoke(ca, "east-01", RevocationReason.KEY_COMPROMISE, Duration.ofDays(30));
        Duration window = Duration.ofDays(30);
        StatusReport report = new StatusReport(dir.status(List.of("east-01", "east-02"), window), clock.instant(), window);
        assertThat(report.failed()).isTrue();
        assertThat(report.table()).contains("1 need a certificate");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "null",
            "[]",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": null}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": [null]}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": [{\"host\": \"a\", \"serial\": 255, \"notBefore\": \"2026-01-01T00:00:00Z\", \"notAfter\": \"2027-01-01T00:00:00Z\"}]}",
            "{\"version\": 1, \"crlNumber\": \"1\", \"certificates\": []}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": [{\"host\": \"a\", \"serial\": \"zz\", \"notBefore\": \"2026-01-01T00:00:00Z\", \"notAfter\": \"2027-01-01T00:00:00Z\"}]}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": [{\"serial\": \"ff\", \"notBefore\": \"2026-01-01T00:00:00Z\", \"notAfter\": \"2027-01-01T00:00:00Z\"}]}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": [{\"host\": \"a\", \"serial\": \"ff\", \"notBefore\": \"2026-01-01T00:00:00Z\", \"notAfter\": \"2027-01-01T00:00:00Z\"}, {\"host\": \"b\", \"serial\": \"ff\", \"notBefore\": \"2026-01-01T00:00:00Z\", \"notAfter\": \"2027-01-01T00:00:00Z\"}]}",
            "{\"version\": 1, \"crlNumber\": -4, \"certificates\": []}",
            "{\"version\": 1, \"crlNumber\": 1, \"certificates\": []} {}",
            "{\"version\": 1, \"crlNumber\": 1, \"certif",
    })
    void everyKindOfDamageIsAClearErrorAndNothingIsWritten(String content) throws Exception {
        Files.writeString(layout.ledger(), content);
        assertThatThrownBy(() -> dir.issue(ca, List.of("east-01"), IssuePolicy.defaults()))
                .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.getMessage()).contains(layout.ledger().toString())
                        .containsAnyOf("damaged", "not a readable ledger", "null").contains("backup"));
        assertThatThrownBy(() -> dir.status(List.of("east-01"), Duration.ofDays(30))).isInstanceOf(PkiException.class);
        assertThat(Files.readString(layout.ledger())).isEqualTo(content);
        assertThat(layout.nodeCertificate("east-01")).doesNotExist();
    }
}
