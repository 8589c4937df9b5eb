package io.hybridctl.pki.lint;

import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.Signatures;
import io.hybridctl.pki.status.CertificateInspector;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Severity;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks certificates against IAM Roles Anywhere's signature-validation requirements and nodeadm's own checks, so a
 * certificate that would fail at node join time with an opaque STS error fails here with a message and a fix.
 * Each failed requirement is its own diagnostic.
 */
public final class CertificateLinter {

    private static final Set<ASN1ObjectIdentifier> STRONG_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

    private static final Set<ASN1ObjectIdentifier> BROKEN_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption, PKCSObjectIdentifiers.md5WithRSAEncryption,
            PKCSObjectIdentifiers.sha1WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA1, X9ObjectIdentifiers.id_dsa_with_sha1);

    private static final String REISSUE_NODE = "issue a new one: hybridctl pki issue <node> --force";
    private static final String REISSUE_CA = "create a CA with `hybridctl pki init`, or have your PKI issue a CA certificate that meets it";

    private final Instant now;
    private final Optional<String> nodeName;
    private final Set<String> specNodes;

    /**
     * @param nodeName  when present, every node certificate's CN must equal it
     * @param specNodes when not empty, every node certificate's CN must be one of these host names
     */
    public CertificateLinter(Instant now, Optional<String> nodeName, Set<String> specNodes) {
        this.now = now;
        this.nodeName = nodeName;
        this.specNodes = Set.copyOf(specNodes);
    }

    /** Lints every certificate in one PEM text; {@code file} names it in the diagnostics. */
    public List<Diagnostic> lint(String file, String text, CertificateRole role) {
        List<Diagnostic> out = new ArrayList<>();
        List<PemCodec.CertificateBlock> blocks = PemCodec.readCertificates(text);
        if (blocks.isEmpty()) {
            out.add(error("PKI001", file, 0, "", "no PEM certificate in the file (nodeadm: could not parse PEM data)",
                    "give a PEM file with a -----BEGIN CERTIFICATE----- block; convert DER with `openssl x509 -inform der -in FILE -out FILE.pem`"));
            return out;
        }
        for (int i = 0; i < blocks.size(); i++) {
            PemCodec.CertificateBlock block = blocks.get(i);
            String path = "certificate[" + i + "]";
            if (block.certificate().isEmpty()) {
                out.add(error("PKI001", file, block.line(), path, block.problem() + " (nodeadm: could not parse PEM data)",
                        "replace the block with the certificate's PEM exactly as issued"));
                continue;
            }
            X509CertificateHolder cert = block.certificate().get();
            CertificateRole effective = role == CertificateRole.AUTO ? guess(cert) : role;
            Subject s = new Subject(file, block.line(), path + " (" + (effective == CertificateRole.CA ? "CA" : "node") + ", "
                    + describe(cert) + ")", effective == CertificateRole.CA ? REISSUE_CA : REISSUE_NODE);
            common(cert, s, out);
            if (effective == CertificateRole.CA) {
                caRules(cert, s, out);
            } else {
                nodeRules(cert, s, out);
            }
        }
        return out;
    }

    private record Subject(String file, int line, String path, String reissue) {
    }

    private void common(X509CertificateHolder cert, Subject s, List<Diagnostic> out) {
        if (cert.getVersionNumber() != 3) {
            out.add(error("PKI002", s, "X.509 version " + cert.getVersionNumber() + "; IAM Roles Anywhere requires X.509v3", s.reissue()));
        }
        ASN1ObjectIdentifier sig = cert.getSignatureAlgorithm().getAlgorithm();
        if (!STRONG_SIGNATURES.contains(sig)) {
            String name = new DefaultAlgorithmNameFinder().getAlgorithmName(sig);
            String why = BROKEN_SIGNATURES.contains(sig) ? "IAM Roles Anywhere rejects MD5 and SHA-1 signatures"
                    : "IAM Roles Anywhere accepts SHA-256 or stronger with RSA PKCS#1 v1.5 or ECDSA";
            out.add(error("PKI003", s, "signed with " + name + "; " + why, s.reissue() + ", signed with SHA-256 or stronger"));
        }
        ASN1ObjectIdentifier key = cert.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
        if (!key.equals(PKCSObjectIdentifiers.rsaEncryption) && !key.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            out.add(error("PKI004", s, "key type " + new DefaultAlgorithmNameFinder().getAlgorithmName(key)
                    + " is not accepted; IAM Roles Anywhere takes RSA or EC keys", s.reissue() + " with an EC P-384 or RSA key"));
        }
        if (cert.getSubject().getRDNs().length == 0) {
            out.add(error("PKI005", s, "the subject is empty; IAM Roles Anywhere does not support an empty subject", s.reissue() + " with a subject (CN=...)"));
        }
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (!now.isBefore(notAfter)) {
            out.add(error("PKI006", s, "expired at " + notAfter + " (nodeadm: server certificate has expired)", s.reissue()));
        }
        if (now.isBefore(notBefore)) {
            out.add(error("PKI007", s, "not valid before " + notBefore + " (nodeadm: not yet valid)",
                    "wait until then, or check the clock of the machine that issued it"));
        }
    }

    private void caRules(X509CertificateHolder cert, Subject s, List<Diagnostic> out) {
        BasicConstraints bc = BasicConstraints.fromExtensions(cert.getExtensions());
        if (bc == null || !bc.isCA()) {
            out.add(error("PKI020", s, "a trust-anchor CA needs basicConstraints CA:true; " + (bc == null ? "the extension is missing" : "it says CA:false"), REISSUE_CA));
        }
        KeyUsage ku = KeyUsage.fromExtensions(cert.getExtensions());
        if (ku == null || !ku.hasUsages(KeyUsage.keyCertSign)) {
            out.add(error("PKI021", s, "a trust-anchor CA needs keyUsage keyCertSign; " + (ku == null ? "there is no keyUsage" : "its keyUsage lacks it"), REISSUE_CA));
        }
    }

    private void nodeRules(X509CertificateHolder cert, Subject s, List<Diagnostic> out) {
        BasicConstraints bc = BasicConstraints.fromExtensions(cert.getExtensions());
        if (bc != null && bc.isCA()) {
            out.add(error("PKI010", s, "a node certificate has basicConstraints CA:true; IAM Roles Anywhere requires CA:false (or no basicConstraints)", s.reissue()));
        }
        KeyUsage ku = KeyUsage.fromExtensions(cert.getExtensions());
        if (ku == null || !ku.hasUsages(KeyUsage.digitalSignature)) {
            out.add(error("PKI011", s, "keyUsage " + (ku == null ? "is missing" : "lacks digitalSignature") + "; IAM Roles Anywhere requires digitalSignature on a node certificate", s.reissue()));
        }
        String cn = CertificateInspector.commonName(cert);
        if (nodeName.isPresent() && !nodeName.get().equals(cn)) {
            out.add(error("PKI012", s, "CN is '" + cn + "' but the node name is '" + nodeName.get()
                    + "'; the trust policy compares the CN with the role session name nodeadm sends (nodeName)",
                    "issue a certificate for the node: hybridctl pki issue " + nodeName.get() + " --force"));
        } else if (nodeName.isEmpty() && !specNodes.isEmpty() && !specNodes.contains(cn)) {
            out.add(error("PKI012", s, "CN '" + cn + "' is not the name of any host in the spec; the trust policy compares the CN with the node name",
                    "issue the certificate for a host of the spec (hybridctl pki issue HOST), or add the host to the spec"));
        }
    }

    private static CertificateRole guess(X509CertificateHolder cert) {
        if (cert.getSubject().equals(cert.getIssuer()) && Signatures.signedBy(cert, cert)) {
            return CertificateRole.CA;
        }
        BasicConstraints bc = BasicConstraints.fromExtensions(cert.getExtensions());
        KeyUsage ku = KeyUsage.fromExtensions(cert.getExtensions());
        return bc != null && bc.isCA() && ku != null && ku.hasUsages(KeyUsage.keyCertSign) ? CertificateRole.CA : CertificateRole.NODE;
    }

    private static String describe(X509CertificateHolder cert) {
        String cn = CertificateInspector.commonName(cert);
        return (cn.isEmpty() ? "subject '" + cert.getSubject() + "'" : "CN=" + cn) + ", serial " + cert.getSerialNumber().toString(16);
    }

    private static Diagnostic error(String code, Subject s, String message, String fix) {
        return error(code, s.file(), s.line(), s.path(), message, fix);
    }

    private static Diagnostic error(String code, String file, int line, String path, String message, String fix) {
        return new Diagnostic(code, Severity.ERROR, path, new Location(file, line, line > 0 ? 1 : 0), message, fix);
    }
}
