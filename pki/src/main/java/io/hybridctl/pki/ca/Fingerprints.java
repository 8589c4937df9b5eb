package io.hybridctl.pki.ca;

import org.bouncycastle.cert.X509CertificateHolder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a certificate's DER, as `openssl x509 -fingerprint -sha256` prints it (lower-case, no colons). */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(X509CertificateHolder certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PemCodec.encoded(certificate)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
