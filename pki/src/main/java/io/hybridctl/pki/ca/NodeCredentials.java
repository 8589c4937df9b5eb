package io.hybridctl.pki.ca;

import org.bouncycastle.cert.X509CertificateHolder;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A node's certificate and private key as PEM, ready for /etc/iam/pki/server.pem and server.key. toString leaves the
 * key out so the record can appear in logs.
 */
public record NodeCredentials(String host, X509CertificateHolder certificate, String certificatePem, String privateKeyPem) {

    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "NodeCredentials[host=" + host + ", serial=" + serial().toString(16) + ", notAfter=" + notAfter() + ", key=***]";
    }
}
