package io.hybridctl.pki.ca;

import io.hybridctl.pki.PkiException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** PEM text in and out: certificates, CRLs, and private keys as PKCS#8 (encrypted with AES-256 when asked). */
public final class PemCodec {

    /** PBKDF2-HMAC-SHA256 rounds for the CA key: slow enough to resist guessing, about a tenth of a second to open. */
    static final int KDF_ITERATIONS = 210_000;

    private static final Provider BC = Providers.BC;

    private PemCodec() {
    }

    /** One CERTIFICATE block of a PEM file: its first line (1-based) and either the certificate or why it did not parse. */
    public record CertificateBlock(int line, Optional<X509CertificateHolder> certificate, String problem) {
    }

    public static String certificate(X509CertificateHolder certificate) {
        return write(new PemObject("CERTIFICATE", encoded(certificate)));
    }

    public static String crl(X509CRLHolder crl) {
        try {
            return write(new PemObject("X509 CRL", crl.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS#10 certificate signing request as PEM (BEGIN CERTIFICATE REQUEST). */
    public static String csr(PKCS10CertificationRequest csr) {
        try {
            return write(new PemObject("CERTIFICATE REQUEST", csr.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JCA form of a certificate, for TLS key and trust stores. */
    public static X509Certificate x509(X509CertificateHolder certificate) {
        try {
            return new JcaX509CertificateConverter().getCertificate(certificate);
        } catch (CertificateException e) {
            throw new IllegalStateException("a parsed certificate cannot be converted to its JCA form", e);
        }
    }

    /** The first certificate of a PEM text in its JCA form; messages name {@code source}, never the content. */
    public static X509Certificate readX509(String text, String source) throws PkiException {
        return x509(readCertificate(text, source));
    }

    /** Unencrypted PKCS#8, the form aws_signing_helper reads on the node. */
    public static String privateKey(PrivateKey key) {
        return write(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    public static String encryptedPrivateKey(PrivateKey key, Passphrase passphrase) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder builder = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(KDF_ITERATIONS);
            builder.setPassword(passphrase.chars());
            PemObject pem = new JcaPKCS8Generator(key, builder.build()).generate();
            return write(pem);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt the key with AES-256-CBC", e);
        }
    }

    /** Whether a key file holds an encrypted key, so a command can ask for the passphrase only when needed. */
    public static boolean isEncrypted(String pem) {
        return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED");
    }

    /**
     * Reads a private key in PKCS#8 (plain or encrypted), PKCS#1 RSA or SEC1 EC form. `source` names the file in
     * messages; the messages never quote the file's contents.
     */
    public static PrivateKey readPrivateKey(String pem, Optional<Passphrase> passphrase, String source) throws PkiException {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw PkiException.badInput(source + " is not a PEM private key; give the key that matches the CA certificate");
        }
        try {
            PrivateKeyInfo info = switch (parsed) {
                case PrivateKeyInfo plain -> plain;
                case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                case PKCS8EncryptedPrivateKeyInfo encrypted -> encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(need(passphrase, source).chars()));
                case PEMEncryptedKeyPair legacy -> legacy.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BC).build(need(passphrase, source).chars())).getPrivateKeyInfo();
                case null, default -> throw PkiException.badInput(source + " holds no private key; give the key that matches the CA certificate");
            };
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PKCSException | OperatorCreationException | IOException | IllegalStateException e) {
            throw PkiException.badInput("cannot decrypt " + source + ": wrong passphrase or a damaged file");
        }
    }

    private static Passphrase need(Optional<Passphrase> passphrase, String source) throws PkiException {
        return passphrase.orElseThrow(() -> PkiException.badInput(source + " is encrypted: set " + Passphrase.DEFAULT_VARIABLE
                + " (or the variable named by --passphrase-env) or pass --passphrase-file"));
    }

    /** Every CERTIFICATE block in the text, in order; blocks of other types are skipped. */
    public static List<CertificateBlock> readCertificates(String text) {
        List<CertificateBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int start = -1;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("-----BEGIN CERTIFICATE-----")) {
                start = i + 1;
                body.setLength(0);
            } else if (start > 0 && line.equals("-----END CERTIFICATE-----")) {
                blocks.add(decode(start, body.toString()));
                start = -1;
            } else if (start > 0) {
                body.append(line);
            }
        }
        if (start > 0) {
            blocks.add(new CertificateBlock(start, Optional.empty(), "the CERTIFICATE block has no END line"));
        }
        return blocks;
    }

    /** A PKCS#10 certificate signing request in PEM. */
    public static PKCS10CertificationRequest readCsr(String text, String source) throws PkiException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o = parser.readObject();
            if (o instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
            throw PkiException.badInput(source + " is not a PEM certificate signing request (BEGIN CERTIFICATE REQUEST)");
        } catch (IOException | RuntimeException e) {
            throw PkiException.badInput(source + " is not a readable certificate signing request (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static X509CertificateHolder readCertificate(String text, String source) throws PkiException {
        List<CertificateBlock> blocks = readCertificates(text);
        if (blocks.isEmpty()) {
            throw PkiException.badInput(source + " holds no PEM certificate");
        }
        CertificateBlock first = blocks.getFirst();
        return first.certificate().orElseThrow(() -> PkiException.badInput(source + ":" + first.line() + ": " + first.problem()));
    }

    private static CertificateBlock decode(int line, String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new CertificateBlock(line, Optional.empty(), "the CERTIFICATE block is not valid base64");
        }
        try {
            return new CertificateBlock(line, Optional.of(new X509CertificateHolder(der)), "");
        } catch (IOException | RuntimeException e) {
            return new CertificateBlock(line, Optional.empty(), "the CERTIFICATE block is not a DER X.509 certificate");
        }
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
