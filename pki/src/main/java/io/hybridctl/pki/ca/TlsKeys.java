package io.hybridctl.pki.ca;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * The requester's side of a certificate: a key made where it will be used, and a CSR that proves possession of it.
 * Keys come from the JDK's provider (not BouncyCastle's, as {@link KeyAlgorithm} uses for CA work), because JSSE signs
 * TLS handshakes with them; EC P-256 is what every TLS stack and IAM Roles Anywhere accept.
 */
public final class TlsKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsKeys() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
        }
    }

    /** A PEM CSR for the key pair; the CN is a hint only (the CA chooses the subject). */
    public static String csrPem(KeyPair pair, String commonName) {
        try {
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            return PemCodec.csr(new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(pair.getPrivate())).build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate signing request", e);
        }
    }
}
