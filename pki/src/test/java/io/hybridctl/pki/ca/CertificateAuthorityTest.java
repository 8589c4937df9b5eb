package io.hybridctl.pki.ca;

import io.hybridctl.pki.MutableClock;
import io.hybridctl.pki.Openssl;
import io.hybridctl.pki.PkiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateAuthorityTest {

    private static final MutableClock CLOCK = MutableClock.at("2026-11-22T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void nodeCertificateCarriesEveryFieldIamRolesAnywhereNeeds() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("hybrid-two-site", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        NodeCredentials node = ca.issue("east-01", Duration.ofDays(365), CLOCK);
        Path caPem = write("ca.pem", ca.certificatePem());
        Path cert = write("server.pem", node.certificatePem());

        Openssl.Result verify = Openssl.run("verify", "-CAfile", caPem.toString(), cert.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(cert + ": OK");

        String text = Openssl.run("x509", "-in", cert.toString(), "-text", "-noout").output();
        assertThat(text)
                .contains("Version: 3 (0x2)")
                .contains("Subject: CN = east-01")
                .contains("Issuer: O = hybridctl, CN = hybrid-two-site")
                .contains("Signature Algorithm: ecdsa-with-SHA384")
                .contains("Public-Key: (384 bit)")
                .containsPattern("X509v3 Key Usage: critical\\s+Digital Signature\\s")
                .containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Client Authentication\\s")
                .containsPattern("X509v3 Basic Constraints: critical\\s+CA:FALSE")
                .containsPattern("X509v3 Subject Alternative Name:\\s+DNS:east-01\\s")
                .contains("Not Before: Nov 22 04:55:00 2026 GMT")
                .contains("Not After : Nov 22 05:00:00 2027 GMT");
    }

    @Test
    void caCertificateIsAnIamRolesAnywhereTrustAnchor() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        String text = Openssl.run("x509", "-in", write("ca.pem", ca.certificatePem()).toString(), "-text", "-noout").output();
        assertThat(text)
                .containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE, pathlen:0")
                .containsPattern("X509v3 Key Usage: critical\\s+Certificate Sign, CRL Sign")
                .contains("Not After : Nov 19 05:00:00 2036 GMT");
    }

    @Test
    void rsaCaSignsWithPkcs1AndOpensslVerifiesTheChain() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("rsa", KeyAlgorithm.RSA_3072, Duration.ofDays(3650), CLOCK);
        NodeCredentials node = ca.issue("west-01", KeyAlgorithm.RSA_3072, Duration.ofDays(30), CLOCK, s -> false);
        Path cert = write("server.pem", node.certificatePem());
        Openssl.Result verify = Openssl.run("verify", "-CAfile", write("ca.pem", ca.certificatePem()).toString(), cert.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(Openssl.run("x509", "-in", cert.toString(), "-text", "-noout").output())
                .contains("Signature Algorithm: sha256WithRSAEncryption").contains("Public-Key: (3072 bit)");
        // The node key is unencrypted PKCS#8, which aws_signing_helper reads.
        Openssl.Result key = Openssl.run("pkey", "-in", write("server.key", node.privateKeyPem()).toString(), "-noout");
        assertThat(key.exitCode()).as(key.output()).isZero();
        assertThat(node.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void serialsAreRandomPositiveAndAtMost159Bits() {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            BigInteger serial = ca.issue("n" + i, Duration.ofDays(1), CLOCK).serial();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(159);
            seen.add(serial);
        }
        assertThat(seen).hasSize(20);
        // At least one of 20 random serials has more than 150 bits unless the generator is not using all 159.
        assertThat(seen).anyMatch(s -> s.bitLength() > 150);
    }

    @Test
    void serialsAlreadyTakenAreNeverReused() {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        Set<BigInteger> rejected = new HashSet<>();
        NodeCredentials node = ca.issue("n1", KeyAlgorithm.EC_P384, Duration.ofDays(1), CLOCK, s -> rejected.size() < 3 && rejected.add(s));
        assertThat(rejected).hasSize(3).doesNotContain(node.serial());
    }

    @Test
    void encryptedCaKeyOpensWithThePassphraseOnlyAndOpensslAgrees() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        Passphrase passphrase = Passphrase.of("correct horse battery".toCharArray());
        String pem = ca.keyPem(Optional.of(passphrase));
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PemCodec.isEncrypted(pem)).isTrue();

        Path key = write("ca.key", pem);
        Path pass = write("pass", "correct horse battery\n");
        assertThat(Openssl.run("pkey", "-in", key.toString(), "-passin", "file:" + pass, "-noout").exitCode()).isZero();
        Path wrong = write("wrong", "incorrect\n");
        assertThat(Openssl.run("pkey", "-in", key.toString(), "-passin", "file:" + wrong, "-noout").exitCode()).isNotZero();

        assertThat(CertificateAuthority.of(ca.certificate(), PemCodec.readPrivateKey(pem, Optional.of(passphrase), "ca.key")).certificate())
                .isEqualTo(ca.certificate());
        assertThatThrownBy(() -> PemCodec.readPrivateKey(pem, Optional.of(Passphrase.of("incorrect".toCharArray())), "ca.key"))
                .isInstanceOf(PkiException.class).hasMessageContaining("wrong passphrase").hasMessageNotContaining("incorrect");
        assertThatThrownBy(() -> PemCodec.readPrivateKey(pem, Optional.empty(), "ca.key"))
                .isInstanceOf(PkiException.class).hasMessageContaining("HYBRIDCTL_PKI_PASSPHRASE");
    }

    @Test
    void aKeyFromAnotherCaIsRefused() {
        CertificateAuthority one = CertificateAuthority.create("one", KeyAlgorithm.EC_P384, Duration.ofDays(10), CLOCK);
        CertificateAuthority two = CertificateAuthority.create("two", KeyAlgorithm.EC_P384, Duration.ofDays(10), CLOCK);
        assertThatThrownBy(() -> CertificateAuthority.of(one.certificate(),
                PemCodec.readPrivateKey(two.keyPem(Optional.empty()), Optional.empty(), "k")))
                .isInstanceOf(PkiException.class).hasMessageContaining("does not belong");
    }

    @Test
    void crlListsRevokedSerialsAndOpensslRejectsTheRevokedCertificate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(3650), CLOCK);
        NodeCredentials revoked = ca.issue("east-01", Duration.ofDays(365), CLOCK);
        NodeCredentials kept = ca.issue("east-02", Duration.ofDays(365), CLOCK);
        String crl = ca.crl(List.of(new CertificateAuthority.Revocation(revoked.serial(), CLOCK.instant(), RevocationReason.KEY_COMPROMISE)),
                7, CLOCK.instant(), Duration.ofDays(30));
        Path caPem = write("ca.pem", ca.certificatePem());
        Path crlPem = write("crl.pem", crl);

        Openssl.Result text = Openssl.run("crl", "-in", crlPem.toString(), "-CAfile", caPem.toString(), "-noout", "-text");
        assertThat(text.output()).contains("verify OK").containsPattern("X509v3 CRL Number:\\s+7\\s")
                .containsIgnoringCase(revoked.serial().toString(16).toUpperCase()).contains("Key Compromise");
        Openssl.Result bad = Openssl.run("verify", "-crl_check", "-CRLfile", crlPem.toString(), "-CAfile", caPem.toString(),
                write("revoked.pem", revoked.certificatePem()).toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.output()).contains("certificate revoked");
        Openssl.Result good = Openssl.run("verify", "-crl_check", "-CRLfile", crlPem.toString(), "-CAfile", caPem.toString(),
                write("kept.pem", kept.certificatePem()).toString());
        assertThat(good.exitCode()).as(good.output()).isZero();
    }

    @Test
    void aNodeCertificateMayNotOutliveItsCa() {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(100), CLOCK);
        assertThatThrownBy(() -> ca.issue("east-01", Duration.ofDays(365), CLOCK)).hasMessageContaining("outlive the CA");
    }

    @Test
    void namesThatCannotBeACnAndADirectoryAreRefused() {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(100), CLOCK);
        for (String bad : List.of("", "../etc", "East-01", "a/b", "x".repeat(65), "-lead")) {
            assertThatThrownBy(() -> ca.issue(bad, Duration.ofDays(1), CLOCK)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ca.issue("x".repeat(64), Duration.ofDays(1), CLOCK).host()).hasSize(64);
    }

    @Test
    void nodeCredentialsNeverPrintTheirKey() {
        CertificateAuthority ca = CertificateAuthority.create("lab", KeyAlgorithm.EC_P384, Duration.ofDays(100), CLOCK);
        NodeCredentials node = ca.issue("east-01", Duration.ofDays(1), CLOCK);
        assertThat(node.toString()).doesNotContain("PRIVATE").doesNotContain(node.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
        assertThat(Passphrase.of("s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
