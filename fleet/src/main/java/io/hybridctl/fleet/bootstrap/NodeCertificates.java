package io.hybridctl.fleet.bootstrap;

import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signs IAM Roles Anywhere node certificates with the one CA the cluster's design trusts. That CA is the `hybridctl pki`
 * directory the spec names (credentials.caBundle.pki), or the server's --pki-dir override; either way it must be a CA
 * of the trust anchor the spec carries (what plan put in the CloudFormation TrustAnchor), or nothing is signed: a node
 * certificate from any other CA would be refused by IAM Roles Anywhere at CreateSession. Each certificate is recorded
 * in that directory's ledger as held by the node, so `hybridctl pki status`, `revoke` and the CRL cover it.
 */
public final class NodeCertificates {

    /** How long a node certificate is valid; the rotate-credentials operation renews it. */
    public static final Duration VALIDITY = Duration.ofDays(90);

    private record Opened(PkiDirectory directory, CertificateAuthority ca) {
    }

    private final Optional<Path> override;
    private final Supplier<Optional<Passphrase>> passphrase;
    private final Clock clock;
    private final Map<Path, Opened> opened = new ConcurrentHashMap<>();

    /**
     * @param override   --pki-dir: the directory to sign with instead of the one each spec names
     * @param passphrase the CA key's passphrase, asked for only when a CA is first opened
     */
    public NodeCertificates(Optional<Path> override, Supplier<Optional<Passphrase>> passphrase, Clock clock) {
        this.override = override.map(p -> p.toAbsolutePath().normalize());
        this.passphrase = passphrase;
        this.clock = clock;
    }

    /** The CA certificate (PEM) that signs for this cluster, after the trust-anchor check. */
    public String caCertificatePem(String cluster, Optional<Path> specPkiDirectory, String trustAnchorPem) throws BootstrapException {
        return PemCodec.certificate(signer(cluster, specPkiDirectory, trustAnchorPem).ca().certificate());
    }

    /** Signs the host's CSR (its key never leaves the host) with CN and SAN = the node name. */
    public String issue(String cluster, Optional<Path> specPkiDirectory, String trustAnchorPem, String csrPem, String nodeName)
            throws BootstrapException, PkiException {
        Opened signer = signer(cluster, specPkiDirectory, trustAnchorPem);
        try {
            X509CertificateHolder cert = signer.directory().signNode(signer.ca(), PemCodec.readCsr(csrPem, "the host's CSR"), nodeName, VALIDITY);
            return PemCodec.certificate(cert);
        } catch (IOException e) {
            throw new BootstrapException("cannot record the node certificate in " + signer.directory().layout().root() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Opened signer(String cluster, Optional<Path> specPkiDirectory, String trustAnchorPem) throws BootstrapException {
        Path dir = override.or(() -> specPkiDirectory).orElseThrow(() -> new BootstrapException("cluster " + cluster
                + "'s spec names its CA by caBundle.file or caBundle.pem, so the fleet has no CA key to sign node certificates with;"
                + " use caBundle: {pki: DIR} made by `hybridctl pki init -f SPEC`, or start the server with --pki-dir DIR"));
        Opened o = open(dir);
        String fingerprint = Fingerprints.sha256(o.ca().certificate());
        List<String> anchors = PemCodec.readCertificates(trustAnchorPem == null ? "" : trustAnchorPem).stream()
                .flatMap(b -> b.certificate().stream()).map(Fingerprints::sha256).toList();
        if (!anchors.contains(fingerprint)) {
            throw new BootstrapException("the CA in " + dir + " (SHA-256 " + fingerprint.substring(0, 16) + "…) is not in cluster "
                    + cluster + "'s trust anchor (the spec's credentials.caBundle, which plan put in the CloudFormation TrustAnchor),"
                    + " so IAM Roles Anywhere would refuse its certificates; "
                    + (override.isPresent() ? "start the server without --pki-dir to sign with the directory the spec names, or " : "")
                    + "point the spec's caBundle at this CA, run `hybridctl plan -f SPEC --out-dir DIR` and deploy it, and import the spec again with"
                    + " `hybridctl fleet import -f SPEC`");
        }
        return o;
    }

    private Opened open(Path dir) throws BootstrapException {
        Opened o = opened.get(dir);
        if (o != null) {
            return o;
        }
        PkiLayout layout = new PkiLayout(dir);
        try {
            o = new Opened(new PkiDirectory(layout, clock), CertificateAuthority.open(layout, passphrase.get()));
        } catch (PkiException e) {
            throw new BootstrapException(e.getMessage() + " (the server reads the passphrase from --pki-passphrase-file or "
                    + Passphrase.DEFAULT_VARIABLE + ")", e);
        }
        opened.put(dir, o);
        return o;
    }
}
