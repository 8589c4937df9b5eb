package io.hybridctl.pki.ca;

import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.security.cert.CertificateException;

/** Signature checks between certificates. */
public final class Signatures {


    private Signatures() {
    }

    /** Whether {@code issuer}'s key verifies {@code candidate}'s signature. */
    public static boolean signedBy(X509CertificateHolder candidate, X509CertificateHolder issuer) {
        try {
            return candidate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Providers.BC).build(issuer));
        } catch (CertException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }
}
