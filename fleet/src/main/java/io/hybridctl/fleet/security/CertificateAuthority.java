package io.hybridctl.fleet.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A small X.509 CA (EC P-256) kept in a directory: ca.pem public, ca.key 0600. The fleet server uses one to issue agent
 * client certificates and its own serving certificate.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Loads the CA from dir, creating it (and reporting so) the first time. */
    public static CertificateAuthority openOrCreate(Path dir, String commonName) throws IOException {
        Path certFile = dir.resolve("ca.pem");
        Path keyFile = dir.resolve("ca.key");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            X509Certificate cert = Pem.certificate(Files.readString(certFile));
            return new CertificateAuthority(Pem.keyPair(Files.readString(keyFile), cert), cert);
        }
        CertificateAuthority ca = create(commonName);
        KeyFiles.writePrivate(keyFile, Pem.write(ca.keyPair.getPrivate()));
        KeyFiles.writePublic(certFile, Pem.write(ca.certificate));
        return ca;
    }

    public static CertificateAuthority create(String commonName) {
        KeyPair kp = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new CertificateAuthority(kp, sign(b, kp));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create CA", e);
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.write(certificate);
    }

    /** Verifies the CSR's self-signature, then issues a client certificate with the CN we choose (never the CSR's). */
    public X509Certificate signClientCsr(PKCS10CertificationRequest csr, String commonName, Duration validity) {
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("CSR signature does not verify");
            }
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            return issue(key, commonName, validity, KeyPurposeId.id_kp_clientAuth, List.of());
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable CSR");
        }
    }

    public X509Certificate issueServer(PublicKey key, String commonName, List<String> hostnames) {
        return issue(key, commonName, Duration.ofDays(397), KeyPurposeId.id_kp_serverAuth, hostnames);
    }

    private X509Certificate issue(PublicKey key, String commonName, Duration validity, KeyPurposeId purpose,
                                  List<String> hostnames) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    new X500Name("CN=" + commonName.replace(",", "\\,").replace("=", "\\=")), key);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            if (!hostnames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String h : hostnames) {
                    names.add(isIp(h) ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return sign(b, keyPair);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue certificate", e);
        }
    }

    private static boolean isIp(String h) {
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            InetAddress.getByName(h);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(s));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    /** SHA-256 of the DER public key: the identity an agent keeps for its whole life. */
    public static String keyFingerprint(PublicKey key) {
        return Secrets.sha256Hex(key.getEncoded());
    }

    public static String certFingerprint(X509Certificate cert) {
        try {
            return Secrets.sha256Hex(cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
