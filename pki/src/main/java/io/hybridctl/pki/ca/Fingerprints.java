package io.hybridctl.pki.ca;

import org.bouncycastle.cert.X509CertificateHolder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** SHA-256 fingerprints, lower-case hex without colons; a certificate's is what `openssl x509 -fingerprint -sha256` prints. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(X509CertificateHolder certificate) {
        return sha256(PemCodec.encoded(certificate));
    }

    /** SHA-256 of a public key's DER (SubjectPublicKeyInfo): an identity that survives re-issued certificates. */
    public static String sha256(PublicKey key) {
        return sha256(key.getEncoded());
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
