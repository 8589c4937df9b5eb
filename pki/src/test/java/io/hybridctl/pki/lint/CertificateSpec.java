package io.hybridctl.pki.lint;

import io.hybridctl.pki.ca.PemCodec;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

/**
 * Builds certificates for lint tests: a good node or CA certificate by default, with one property changed at a time
 * (BouncyCastle builds SHA-1, CA:true leaves and other certificates IAM Roles Anywhere rejects).
 */
record CertificateSpec(X500Name subject, String signature, Boolean ca, Integer keyUsage, Instant notBefore, Instant notAfter,
                       boolean v1, String keyType, boolean selfSigned) {

    static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");

    private static final KeyPair EC_ISSUER = generate("EC");
    private static final KeyPair RSA_ISSUER = generate("RSA");
    private static final KeyPair EC_SUBJECT = generate("EC");
    private static final KeyPair RSA_SUBJECT = generate("RSA");
    private static final KeyPair DSA_SUBJECT = generate("DSA");

    static CertificateSpec node(String cn) {
        return new CertificateSpec(new X500Name("CN=" + cn), "SHA384withECDSA", false, KeyUsage.digitalSignature,
                NOW.minusSeconds(3600), NOW.plusSeconds(86_400 * 365L), false, "EC", false);
    }

    static CertificateSpec ca(String cn) {
        return new CertificateSpec(new X500Name("CN=" + cn), "SHA384withECDSA", true, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                NOW.minusSeconds(3600), NOW.plusSeconds(86_400 * 3650L), false, "EC", true);
    }

    CertificateSpec subject(X500Name value) {
        return new CertificateSpec(value, signature, ca, keyUsage, notBefore, notAfter, v1, keyType, selfSigned);
    }

    CertificateSpec emptySubject() {
        return subject(new X500Name(new RDN[0]));
    }

    CertificateSpec signedWith(String algorithm) {
        return new CertificateSpec(subject, algorithm, ca, keyUsage, notBefore, notAfter, v1, algorithm.endsWith("RSA") ? "RSA" : keyType, selfSigned);
    }

    CertificateSpec basicConstraintsCa(Boolean value) {
        return new CertificateSpec(subject, signature, value, keyUsage, notBefore, notAfter, v1, keyType, selfSigned);
    }

    CertificateSpec keyUsage(Integer value) {
        return new CertificateSpec(subject, signature, ca, value, notBefore, notAfter, v1, keyType, selfSigned);
    }

    CertificateSpec valid(Instant from, Instant to) {
        return new CertificateSpec(subject, signature, ca, keyUsage, from, to, v1, keyType, selfSigned);
    }

    CertificateSpec version1() {
        return new CertificateSpec(subject, signature, ca, keyUsage, notBefore, notAfter, true, keyType, selfSigned);
    }

    CertificateSpec subjectKey(String type) {
        return new CertificateSpec(subject, signature, ca, keyUsage, notBefore, notAfter, v1, type, selfSigned);
    }

    /** Self-signed when built by ca(), else signed by a fixed issuer key (the issuer name differs from the subject). */
    String pem() {
        try {
                        KeyPair subjectKey = switch (keyType) {
                case "RSA" -> RSA_SUBJECT;
                case "DSA" -> DSA_SUBJECT;
                default -> EC_SUBJECT;
            };
            KeyPair issuerKey = selfSigned ? subjectKey : signature.endsWith("RSA") ? RSA_ISSUER : EC_ISSUER;
            X500Name issuer = selfSigned ? subject : new X500Name("CN=test issuer");
            BigInteger serial = BigInteger.valueOf(System.nanoTime());
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(signature);
            X509CertificateHolder cert;
            if (v1) {
                cert = new JcaX509v1CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey.getPublic())
                        .build(signer.build(issuerKey.getPrivate()));
            } else {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter),
                        subject, subjectKey.getPublic());
                if (ca != null) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                }
                if (keyUsage != null) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                cert = b.build(signer.build(issuerKey.getPrivate()));
            }
            return PemCodec.certificate(cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            switch (type) {
                case "EC" -> g.initialize(new ECGenParameterSpec("secp384r1"));
                case "RSA" -> g.initialize(2048);
                default -> g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
