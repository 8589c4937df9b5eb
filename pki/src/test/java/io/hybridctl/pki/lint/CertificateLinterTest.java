package io.hybridctl.pki.lint;

import io.hybridctl.pki.MutableClock;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.spec.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.hybridctl.pki.lint.CertificateSpec.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** One certificate per requirement, each breaking that requirement only, so each finding is shown to stand alone. */
class CertificateLinterTest {

    private final CertificateLinter linter = new CertificateLinter(NOW, Optional.empty(), Set.of());

    @Test
    void certificatesHybridctlIssuesPassEveryCheck() {
        MutableClock clock = new MutableClock(NOW);
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), clock);
        String node = ca.issue("east-01", Duration.ofDays(365), clock).certificatePem();
        assertThat(new CertificateLinter(NOW, Optional.of("east-01"), Set.of()).lint("ca.pem", ca.certificatePem() + node, CertificateRole.AUTO)).isEmpty();
        assertThat(linter.lint("n.pem", CertificateSpec.node("east-01").pem(), CertificateRole.NODE)).isEmpty();
        assertThat(linter.lint("c.pem", CertificateSpec.ca("my ca").pem(), CertificateRole.CA)).isEmpty();
    }

    @Test
    void sha1SignatureIsRejected() {
        List<Diagnostic> found = linter.lint("n.pem", CertificateSpec.node("east-01").signedWith("SHA1withRSA").pem(), CertificateRole.NODE);
        assertOnly(found, "PKI003");
        assertThat(found.getFirst().message()).contains("SHA1WITHRSA").contains("rejects MD5 and SHA-1");
        assertThat(found.getFirst().hint()).contains("SHA-256 or stronger");
    }

    @Test
    void sha1EcdsaSignatureIsRejectedToo() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").signedWith("SHA1withECDSA").pem(), CertificateRole.NODE), "PKI003");
    }

    @Test
    void caTrueOnANodeCertificateIsRejected() {
        List<Diagnostic> found = linter.lint("n.pem", CertificateSpec.node("east-01").basicConstraintsCa(true).pem(), CertificateRole.AUTO);
        assertOnly(found, "PKI010");
        assertThat(found.getFirst().path()).contains("node").contains("CN=east-01");
    }

    @Test
    void nodeWithoutBasicConstraintsIsFine() {
        assertThat(linter.lint("n.pem", CertificateSpec.node("east-01").basicConstraintsCa(null).pem(), CertificateRole.NODE)).isEmpty();
    }

    @Test
    void missingDigitalSignatureIsRejected() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").keyUsage(KeyUsage.keyEncipherment).pem(), CertificateRole.NODE), "PKI011");
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").keyUsage(null).pem(), CertificateRole.NODE), "PKI011");
    }

    @Test
    void emptySubjectIsRejected() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").emptySubject().pem(), CertificateRole.NODE), "PKI005");
    }

    @Test
    void expiredCertificateIsRejected() {
        List<Diagnostic> found = linter.lint("n.pem", CertificateSpec.node("east-01").valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))).pem(),
                CertificateRole.NODE);
        assertOnly(found, "PKI006");
        assertThat(found.getFirst().message()).contains("server certificate has expired");
    }

    @Test
    void notYetValidCertificateIsRejected() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").valid(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).pem(),
                CertificateRole.NODE), "PKI007");
    }

    @Test
    void commonNameMustBeTheNodeName() {
        String pem = CertificateSpec.node("east-01").pem();
        List<Diagnostic> found = new CertificateLinter(NOW, Optional.of("east-02"), Set.of()).lint("n.pem", pem, CertificateRole.NODE);
        assertOnly(found, "PKI012");
        assertThat(found.getFirst().message()).contains("'east-01'").contains("'east-02'");
        assertThat(new CertificateLinter(NOW, Optional.of("east-01"), Set.of()).lint("n.pem", pem, CertificateRole.NODE)).isEmpty();
    }

    @Test
    void commonNameMustBeAHostOfTheSpecWhenASpecIsGiven() {
        String pem = CertificateSpec.node("east-09").pem();
        assertOnly(new CertificateLinter(NOW, Optional.empty(), Set.of("east-01", "east-02")).lint("n.pem", pem, CertificateRole.NODE), "PKI012");
        assertThat(new CertificateLinter(NOW, Optional.empty(), Set.of("east-09")).lint("n.pem", pem, CertificateRole.NODE)).isEmpty();
    }

    @Test
    void caWithoutCaTrueIsRejected() {
        assertOnly(linter.lint("ca.pem", CertificateSpec.ca("my ca").basicConstraintsCa(false).pem(), CertificateRole.CA), "PKI020");
        assertOnly(linter.lint("ca.pem", CertificateSpec.ca("my ca").basicConstraintsCa(null).pem(), CertificateRole.CA), "PKI020");
    }

    @Test
    void caWithoutKeyCertSignIsRejected() {
        assertOnly(linter.lint("ca.pem", CertificateSpec.ca("my ca").keyUsage(KeyUsage.cRLSign).pem(), CertificateRole.CA), "PKI021");
    }

    @Test
    void autoRoleTreatsASelfSignedCertificateAsTheCa() {
        // Self-signed without keyCertSign: auto still holds it to the CA rules, and reports the missing usage.
        assertOnly(linter.lint("ca.pem", CertificateSpec.ca("my ca").keyUsage(KeyUsage.digitalSignature).pem(), CertificateRole.AUTO), "PKI021");
    }

    @Test
    void version1CertificateIsRejected() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").version1().pem(), CertificateRole.NODE), "PKI002", "PKI011");
    }

    @Test
    void dsaKeyIsRejected() {
        assertOnly(linter.lint("n.pem", CertificateSpec.node("east-01").subjectKey("DSA").pem(), CertificateRole.NODE), "PKI004");
    }

    @Test
    void unparseablePemIsReportedWithItsLine() {
        List<Diagnostic> none = linter.lint("x.pem", "not a certificate\n", CertificateRole.AUTO);
        assertOnly(none, "PKI001");
        assertThat(none.getFirst().message()).contains("could not parse PEM data");

        String good = CertificateSpec.node("east-01").pem();
        String text = good + "-----BEGIN CERTIFICATE-----\nMIIB!!notbase64\n-----END CERTIFICATE-----\n"
                + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        List<Diagnostic> found = linter.lint("x.pem", text, CertificateRole.AUTO);
        assertThat(found).extracting(Diagnostic::code).containsExactly("PKI001", "PKI001");
        int firstBad = (int) good.lines().count() + 1;
        assertThat(found.get(0).location().line()).isEqualTo(firstBad);
        assertThat(found.get(0).message()).contains("base64");
        assertThat(found.get(1).message()).contains("not a DER X.509 certificate");
    }

    @Test
    void everyFindingHasAFix() {
        String all = CertificateSpec.node("east-01").signedWith("SHA1withRSA").basicConstraintsCa(true).keyUsage(null).emptySubject()
                .valid(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1))).pem();
        List<Diagnostic> found = linter.lint("n.pem", all, CertificateRole.NODE);
        assertThat(found).extracting(Diagnostic::code).containsExactlyInAnyOrder("PKI003", "PKI005", "PKI006", "PKI010", "PKI011");
        assertThat(found).allSatisfy(d -> assertThat(d.hint()).isNotBlank());
    }

    private static void assertOnly(List<Diagnostic> found, String... codes) {
        assertThat(found).extracting(Diagnostic::code).containsExactlyInAnyOrder(codes);
    }

    private static final class KeyUsage {
        static final int digitalSignature = org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
        static final int keyEncipherment = org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
        static final int cRLSign = org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
    }
}
