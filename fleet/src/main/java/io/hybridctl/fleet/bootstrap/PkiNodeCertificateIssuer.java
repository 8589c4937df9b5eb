package io.hybridctl.fleet.bootstrap;

import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The `hybridctl pki` CA as the IAM Roles Anywhere issuer: each host's CSR is signed with the pki node profile and
 * recorded in that directory's ledger as held by the node, so `hybridctl pki status`, `revoke` and the CRL cover
 * fleet-bootstrapped hosts too. The trust anchor registered in AWS is the pki CA (`ca.pem`), one for plan and fleet.
 */
public final class PkiNodeCertificateIssuer implements NodeCertificateIssuer {

    /** How long a node certificate is valid; the rotate-credentials operation renews it. */
    public static final Duration VALIDITY = Duration.ofDays(90);

    private final PkiDirectory directory;
    private final CertificateAuthority ca;

    private PkiNodeCertificateIssuer(PkiDirectory directory, CertificateAuthority ca) {
        this.directory = directory;
        this.ca = ca;
    }

    /**
     * Opens the CA of a pki directory. The passphrase is needed when ca.key is encrypted.
     *
     * @throws PkiException with a message for the operator (no CA there, wrong passphrase, unreadable files)
     */
    public static PkiNodeCertificateIssuer open(Path pkiDirectory, Optional<Passphrase> passphrase, Clock clock) throws PkiException {
        PkiLayout layout = new PkiLayout(pkiDirectory);
        return new PkiNodeCertificateIssuer(new PkiDirectory(layout, clock), CertificateAuthority.open(layout, passphrase));
    }

    @Override
    public String issue(String csrPem, String nodeName) {
        try {
            X509CertificateHolder cert = directory.signNode(ca, PemCodec.readCsr(csrPem, "the host's CSR"), nodeName, VALIDITY);
            return PemCodec.certificate(cert);
        } catch (PkiException e) {
            // The CSR or the node name is wrong (the client's doing): the caller answers 400 with this message.
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the node certificate in " + directory.layout().root() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String caCertificatePem() {
        return ca.certificatePem();
    }
}
