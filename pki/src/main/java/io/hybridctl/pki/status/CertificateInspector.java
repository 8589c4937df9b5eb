package io.hybridctl.pki.status;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.Signatures;
import io.hybridctl.pki.ledger.Ledger;
import io.hybridctl.pki.ledger.LedgerEntry;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one node's server.pem and server.key and says which {@link CertificateState} they are in. Read-only. */
public final class CertificateInspector {

    private final PkiLayout layout;
    private final X509CertificateHolder ca;
    private final Ledger ledger;
    private final Instant now;
    private final Duration rotateWithin;

    public CertificateInspector(PkiLayout layout, X509CertificateHolder ca, Ledger ledger, Instant now, Duration rotateWithin) {
        this.layout = layout;
        this.ca = ca;
        this.ledger = ledger;
        this.now = now;
        this.rotateWithin = rotateWithin;
    }

    public HostStatus inspect(String host) {
        Path certFile = layout.nodeCertificate(host);
        Path keyFile = layout.nodeKey(host);
        if (!Files.exists(certFile)) {
            Optional<LedgerEntry> latest = ledger.latest(host);
            if (latest.isPresent() && latest.get().heldByNode()) {
                return fromLedger(host, latest.get());
            }
            String why = latest.isPresent() ? certFile + " is gone (the ledger has a certificate for it)" : "no certificate issued yet";
            return status(host, CertificateState.MISSING, null, why, List.of());
        }
        X509CertificateHolder cert;
        try {
            cert = PemCodec.readCertificate(Files.readString(certFile), certFile.toString());
        } catch (PkiException e) {
            return status(host, CertificateState.INVALID, null, e.getMessage(), List.of());
        } catch (IOException e) {
            return status(host, CertificateState.INVALID, null, "cannot read " + certFile + " (" + e.getClass().getSimpleName() + ")", List.of());
        }
        List<String> notes = new ArrayList<>();
        Optional<LedgerEntry> entry = ledger.find(cert.getSerialNumber());
        if (entry.isEmpty()) {
            notes.add("serial " + cert.getSerialNumber().toString(16) + " is not in the ledger: a run stopped before recording it; "
                    + "the next `pki issue` or `pki rotate` records it");
        }
        // A certificate whose fingerprint the ledger recorded at signing time needs no second signature check; one
        // the ledger does not know (or knows with another fingerprint) is verified against the CA.
        boolean recorded = entry.map(e -> e.sha256().equals(Fingerprints.sha256(cert))).orElse(false);
        if (!recorded && !Signatures.signedBy(cert, ca)) {
            return status(host, CertificateState.INVALID, cert, "not signed by the CA in " + layout.caCertificate(), notes);
        }
        String cn = commonName(cert);
        if (!host.equals(cn)) {
            return status(host, CertificateState.INVALID, cert, "its CN is '" + cn + "', not the node name '" + host + "'", notes);
        }
        Optional<String> keyProblem = keyProblem(cert, keyFile);
        if (keyProblem.isPresent()) {
            return status(host, CertificateState.INVALID, cert, keyProblem.get(), notes);
        }
        if (entry.map(LedgerEntry::revoked).orElse(false)) {
            return status(host, CertificateState.REVOKED, cert, "revoked at " + entry.get().revokedAt() + " (" + entry.get().revocationReason() + ")", notes);
        }
        Optional<Ledger.Revocation> onlyInCrl = ledger.orphanRevocations().stream()
                .filter(r -> r.serialNumber().equals(cert.getSerialNumber())).findFirst();
        if (onlyInCrl.isPresent()) {
            return status(host, CertificateState.REVOKED, cert, "revoked at " + onlyInCrl.get().revokedAt() + " (" + onlyInCrl.get().reason()
                    + "; known from the CRL, the ledger has no record of this certificate)", notes);
        }
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return status(host, CertificateState.INVALID, cert, "not valid before " + notBefore + "; check this machine's clock", notes);
        }
        if (!now.isBefore(notAfter)) {
            return status(host, CertificateState.EXPIRED, cert, "expired at " + notAfter, notes);
        }
        if (!now.plus(rotateWithin).isBefore(notAfter)) {
            return status(host, CertificateState.ROTATE_SOON, cert, "expires within " + rotateWithin.toDays() + " days", notes);
        }
        return status(host, CertificateState.OK, cert, "", notes);
    }

    public static String commonName(X509CertificateHolder cert) {
        RDN[] cns = cert.getSubject().getRDNs(BCStyle.CN);
        return cns.length == 0 ? "" : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    private static Optional<String> keyProblem(X509CertificateHolder cert, Path keyFile) {
        if (!Files.exists(keyFile)) {
            return Optional.of(keyFile + " is missing");
        }
        try {
            PrivateKey key = PemCodec.readPrivateKey(Files.readString(keyFile), Optional.empty(), keyFile.toString());
            return CertificateAuthority.keyMatches(cert, key) ? Optional.empty()
                    : Optional.of(keyFile + " does not belong to the certificate (an interrupted run replaced one of the pair)");
        } catch (PkiException e) {
            return Optional.of(keyFile + " is not a usable unencrypted private key");
        } catch (IOException e) {
            return Optional.of("cannot read " + keyFile + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A certificate the node holds (signed from its CSR by the fleet server): judged by what the ledger recorded. */
    private HostStatus fromLedger(String host, LedgerEntry e) {
        List<String> notes = List.of("key and certificate are on the node (signed from its CSR by the fleet server); checked from the ledger");
        Optional<BigInteger> serial = Optional.of(e.serialNumber());
        Optional<Instant> notAfter = Optional.of(e.notAfter());
        if (e.revoked()) {
            return new HostStatus(host, CertificateState.REVOKED, serial, notAfter, "revoked at " + e.revokedAt() + " (" + e.revocationReason() + ")", notes);
        }
        if (!now.isBefore(e.notAfter())) {
            return new HostStatus(host, CertificateState.EXPIRED, serial, notAfter, "expired at " + e.notAfter(), notes);
        }
        if (!now.plus(rotateWithin).isBefore(e.notAfter())) {
            return new HostStatus(host, CertificateState.ROTATE_SOON, serial, notAfter, "expires within " + rotateWithin.toDays() + " days", notes);
        }
        return new HostStatus(host, CertificateState.OK, serial, notAfter, "", notes);
    }

    private static HostStatus status(String host, CertificateState state, X509CertificateHolder cert, String detail, List<String> notes) {
        Optional<BigInteger> serial = cert == null ? Optional.empty() : Optional.of(cert.getSerialNumber());
        Optional<Instant> notAfter = cert == null ? Optional.empty() : Optional.of(cert.getNotAfter().toInstant());
        return new HostStatus(host, state, serial, notAfter, detail, notes);
    }
}
