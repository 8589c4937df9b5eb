package io.hybridctl.pki;

import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ledger.LedgerEntry;
import io.hybridctl.pki.status.CertificateState;
import io.hybridctl.pki.status.HostStatus;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet server's bootstrap path: a node makes its key and CSR (here with openssl, as a host would), the pki CA
 * signs it with the node profile, the ledger records it as held by the node, and status and rotate treat it so.
 */
class NodeCsrSigningTest {

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
