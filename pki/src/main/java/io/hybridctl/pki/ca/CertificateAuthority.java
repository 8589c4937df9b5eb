package io.hybridctl.pki.ca;

import io.hybridctl.pki.PkiException;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The CA that signs node certificates for IAM Roles Anywhere. It holds the CA certificate and its private key in
 * memory and writes nothing; {@link io.hybridctl.pki.PkiDirectory} keeps the files and the ledger.
 *
 * <p>Typical use from another module: {@code CertificateAuthority.open(layout, passphrase).issue(host, validity, clock)}
 * returns the PEMs of a fresh certificate and key for one node.
 */
public final class CertificateAuthority {

    /** Backdating for clocks that run a little behind the CA's, so a new certificate is valid at once on the node. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final X509CertificateHolder certificate;
    private final PrivateKey key;
    private final SecureRandom random;

    private CertificateAuthority(X509CertificateHolder certificate, PrivateKey key, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.random = random;
    }

    /** A new self-signed CA: CA:true (path length 0), keyCertSign and cRLSign, a random 159-bit serial. */
    public static CertificateAuthority create(String commonName, KeyAlgorithm algorithm, Duration validity, Clock clock) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("the CA needs a non-empty common name");
        }
        SecureRandom random = new SecureRandom();
        KeyPair pair = algorithm.generate(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "hybridctl").addRDN(BCStyle.CN, commonName).build();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random, s -> false),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(builder.build(signer(pair.getPrivate())), pair.getPrivate(), random);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    /** An existing CA (imported, or read back from disk). Refuses a key that does not belong to the certificate. */
    public static CertificateAuthority of(X509CertificateHolder certificate, PrivateKey key) throws PkiException {
        if (!KeyPairs.matches(certificate.getSubjectPublicKeyInfo(), key)) {
            throw PkiException.badInput("the CA key does not belong to the CA certificate; give the key the certificate was made for");
        }
        return new CertificateAuthority(certificate, key, new SecureRandom());
    }

    /**
     * Opens the CA of a `hybridctl pki` directory. The passphrase is needed only when ca.key is encrypted.
     */
    public static CertificateAuthority open(PkiLayout layout, Optional<Passphrase> passphrase) throws PkiException {
        try {
            X509CertificateHolder cert = PemCodec.readCertificate(Files.readString(layout.caCertificate()), layout.caCertificate().toString());
            PrivateKey key = PemCodec.readPrivateKey(Files.readString(layout.caKey()), passphrase, layout.caKey().toString());
            return of(cert, key);
        } catch (NoSuchFileException e) {
            throw PkiException.badInput("no CA in " + layout.root() + " (" + e.getFile() + " is missing); run `hybridctl pki init` first");
        } catch (IOException e) {
            throw PkiException.badInput("cannot read the CA in " + layout.root() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    public String certificatePem() {
        return PemCodec.certificate(certificate);
    }

    /** The CA key as PEM: encrypted PKCS#8 when a passphrase is given, else plain PKCS#8 (the caller's explicit choice). */
    public String keyPem(Optional<Passphrase> passphrase) {
        return passphrase.map(p -> PemCodec.encryptedPrivateKey(key, p)).orElseGet(() -> PemCodec.privateKey(key));
    }

    /** A node certificate with a new EC P-384 key. */
    public NodeCredentials issue(String hostName, Duration validity, Clock clock) {
        return issue(hostName, KeyAlgorithm.EC_P384, validity, clock, serial -> false);
    }

    /**
     * A node certificate with a new key ({@link #nodeCertificate} has the profile). {@code serialTaken} lets the caller
     * rule out serials already in its ledger.
     */
    public NodeCredentials issue(String hostName, KeyAlgorithm algorithm, Duration validity, Clock clock, Predicate<BigInteger> serialTaken) {
        String host = HostNames.require(hostName);
        KeyPair pair = algorithm.generate(random);
        X509CertificateHolder issued = nodeCertificate(host, pair.getPublic(), validity, clock, serialTaken);
        return new NodeCredentials(host, issued, PemCodec.certificate(issued), PemCodec.privateKey(pair.getPrivate()));
    }

    /**
     * A node certificate, with {@link #issue}'s profile, for a key the node made itself and never sends: the public key
     * of its certificate signing request, whose signature must verify (proof that the requester holds the key). The
     * CSR's subject is ignored; CN and SAN are the node name.
     *
     * @throws PkiException when the CSR cannot be read, its signature does not verify, or its key type is not accepted
     */
    public X509CertificateHolder sign(PKCS10CertificationRequest csr, String hostName, Duration validity, Clock clock,
                                      Predicate<BigInteger> serialTaken) throws PkiException {
        String host = HostNames.require(hostName);
        PublicKey publicKey = requesterKey(csr, "'" + host + "'");
        return nodeCertificate(host, publicKey, validity, clock, serialTaken);
    }

    /**
     * The mutual-TLS profile, for the fleet's agents: a client certificate (extendedKeyUsage clientAuth, CA:false,
     * digitalSignature) for the key of a CSR whose signature verifies. The CN is the identity the caller chose (a host
     * id), never the CSR's subject, and there is no SAN: the certificate names an agent, not a host name.
     *
     * @throws PkiException when the CSR cannot be read or its signature does not verify
     */
    public X509CertificateHolder signClient(PKCS10CertificationRequest csr, String identity, Duration validity, Clock clock) throws PkiException {
        if (identity == null || identity.isBlank() || identity.length() > 64) {
            throw new IllegalArgumentException("a client certificate needs an identity of 1 to 64 characters");
        }
        PublicKey publicKey = requesterKey(csr, "client " + identity);
        return leaf(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, identity).build(), publicKey, validity, clock, s -> false,
                KeyPurposeId.id_kp_clientAuth, List.of());
    }

    /**
     * The serving half of the mutual-TLS profile: extendedKeyUsage serverAuth and a SAN per host name or IP address
     * (clients check the server's name against them).
     */
    public X509CertificateHolder issueServer(PublicKey publicKey, List<String> names, Duration validity, Clock clock) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a serving certificate needs at least one host name or address");
        }
        List<GeneralName> sans = names.stream().map(n -> isAddress(n) ? new GeneralName(GeneralName.iPAddress, n)
                : new GeneralName(GeneralName.dNSName, n)).toList();
        return leaf(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.getLast()).build(), publicKey, validity, clock, s -> false,
                KeyPurposeId.id_kp_serverAuth, sans);
    }

    // IPv4 dotted quads and anything with a colon (IPv6) are addresses; BouncyCastle parses both forms itself.
    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** The CSR's public key, after checking that the CSR is signed by it (the requester holds the private key). */
    private static PublicKey requesterKey(PKCS10CertificationRequest csr, String who) throws PkiException {
        PublicKey publicKey;
        try {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr).setProvider(Providers.BC);
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Providers.BC).build(request.getPublicKey()))) {
                throw PkiException.badInput("the certificate signing request for " + who + " is not signed by its own key");
            }
            publicKey = request.getPublicKey();
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | RuntimeException e) {
            throw PkiException.badInput("cannot read the certificate signing request for " + who + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!(publicKey.getAlgorithm().equals("EC") || publicKey.getAlgorithm().equals("RSA"))) {
            throw PkiException.badInput("IAM Roles Anywhere accepts EC and RSA keys, not " + publicKey.getAlgorithm());
        }
        return publicKey;
    }

    /**
     * CN and dNSName SAN = the node name (IAM Roles Anywhere's trust policy compares the CN with the role session name
     * nodeadm sends), CA:false, keyUsage digitalSignature (critical), extendedKeyUsage clientAuth.
     */
    private X509CertificateHolder nodeCertificate(String host, PublicKey publicKey, Duration validity, Clock clock, Predicate<BigInteger> serialTaken) {
        return leaf(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, host).build(), publicKey, validity, clock, serialTaken,
                KeyPurposeId.id_kp_clientAuth, List.of(new GeneralName(GeneralName.dNSName, host)));
    }

    /** An end-entity certificate: CA:false, keyUsage digitalSignature (critical), one extended key usage, the SANs given. */
    private X509CertificateHolder leaf(X500Name subject, PublicKey publicKey, Duration validity, Clock clock, Predicate<BigInteger> serialTaken,
                                       KeyPurposeId purpose, List<GeneralName> sans) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a certificate's validity must be positive, not " + validity);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            // A certificate outliving its CA would fail validation at the CA's expiry anyway; say so now.
            throw new IllegalArgumentException("a certificate valid until " + notAfter + " would outlive the CA (valid until "
                    + certificate.getNotAfter().toInstant() + "); shorten --validity or renew the CA");
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate.getSubject(), serial(random, serialTaken),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(notAfter), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo()));
            return builder.build(signer(key));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the certificate", e);
        }
    }

    /** One revoked certificate for the CRL. */
    public record Revocation(BigInteger serial, Instant revokedAt, RevocationReason reason) {
    }

    /** A CRL signed by this CA, in PEM, as IAM Roles Anywhere's ImportCrl takes it. */
    public String crl(List<Revocation> revoked, long crlNumber, Instant thisUpdate, Duration nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(certificate.getSubject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(nextUpdate)));
            for (Revocation r : revoked) {
                builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), r.reason().code());
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            return PemCodec.crl(builder.build(signer(key)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CRL", e);
        }
    }

    /** Whether this CA signed the certificate (its signature verifies with the CA's public key). */
    public boolean signed(X509CertificateHolder candidate) {
        return Signatures.signedBy(candidate, certificate);
    }

    private static BigInteger serial(SecureRandom random, Predicate<BigInteger> taken) {
        // 159 random bits: positive, at most 20 octets (RFC 5280 4.1.2.2), and more than the 64 bits of entropy
        // the CA/Browser Forum asks for.
        while (true) {
            BigInteger serial = new BigInteger(159, random);
            if (serial.signum() > 0 && !taken.test(serial)) {
                return serial;
            }
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(key)).setProvider(Providers.BC).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** Whether a private key is the one for a certificate's public key. */
    public static boolean keyMatches(X509CertificateHolder certificate, PrivateKey key) {
        return KeyPairs.matches(certificate.getSubjectPublicKeyInfo(), key);
    }

}
