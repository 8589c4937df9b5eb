package io.hybridctl.pki;

import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.HostNames;
import io.hybridctl.pki.ca.NodeCredentials;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.RevocationReason;
import io.hybridctl.pki.ledger.Ledger;
import io.hybridctl.pki.ledger.LedgerEntry;
import io.hybridctl.pki.ledger.LedgerStore;
import io.hybridctl.pki.status.CertificateInspector;
import io.hybridctl.pki.status.CertificateState;
import io.hybridctl.pki.status.HostStatus;
import io.hybridctl.pki.store.AtomicFiles;
import io.hybridctl.pki.store.PkiLock;
import io.hybridctl.spec.model.PkiLayout;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A `hybridctl pki` directory ({@link PkiLayout}): the CA, the ledger, the CRL and one server.pem/server.key pair per
 * node. Every change runs under {@link PkiLock} and first repairs what an interrupted run left behind; reads take no
 * lock, because every file is replaced by an atomic rename.
 *
 * <p>Order of writes: for each node server.key, then server.pem; the ledger once at the end of the run. A crash after
 * a certificate and before the ledger leaves certificates the ledger does not know; {@link #status} reports them and
 * the next changing run records them from the certificates themselves, which this CA signed.
 */
public final class PkiDirectory {

    public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(180);

    private final PkiLayout layout;
    private final Clock clock;
    private final Duration lockWait;
    private final LedgerStore ledgerStore;

    public PkiDirectory(PkiLayout layout, Clock clock) {
        this(layout, clock, PkiLock.DEFAULT_WAIT);
    }

    public PkiDirectory(PkiLayout layout, Clock clock, Duration lockWait) {
        this.layout = layout;
        this.clock = clock;
        this.lockWait = lockWait;
        this.ledgerStore = new LedgerStore(layout.ledger());
    }

    public PkiLayout layout() {
        return layout;
    }

    public boolean hasCa() {
        return Files.exists(layout.caCertificate()) || Files.exists(layout.caKey());
    }

    /**
     * Stores a new or imported CA: ca.key (encrypted when a passphrase is given, 0600 either way), ca.pem, an empty
     * ledger and an empty CRL. Refuses to replace an existing CA, whose loss would orphan every node certificate.
     */
    public void initialize(CertificateAuthority ca, Optional<Passphrase> keyProtection, Duration crlValidity) throws PkiException, IOException {
        locked(() -> {
            if (hasCa()) {
                throw PkiException.refused(layout.root() + " already holds a CA (" + layout.caCertificate().getFileName()
                        + "); replacing it would orphan every node certificate. Choose another --dir, or move the old CA away first");
            }
            AtomicFiles.writeSecret(layout.caKey(), ca.keyPem(keyProtection));
            Ledger ledger = Ledger.empty().nextCrl();
            AtomicFiles.writePublic(layout.crl(), ca.crl(List.of(), ledger.crlNumber(), clock.instant(), crlValidity));
            ledgerStore.write(ledger);
            // ca.pem last: its presence is what other commands and the spec validator take as "the CA exists".
            AtomicFiles.writePublic(layout.caCertificate(), ca.certificatePem());
            return null;
        });
    }

    public X509CertificateHolder caCertificate() throws PkiException {
        try {
            return PemCodec.readCertificate(Files.readString(layout.caCertificate()), layout.caCertificate().toString());
        } catch (NoSuchFileException e) {
            throw PkiException.badInput("no CA in " + layout.root() + "; run `hybridctl pki init` first");
        } catch (IOException e) {
            throw PkiException.badInput("cannot read " + layout.caCertificate() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The ledger with every revocation the CRL on disk lists (the CRL is authoritative: a ledger restored from an
     * old backup, or rebuilt, must not un-revoke anything). A missing ledger is an error once certificates or
     * revocations exist: starting afresh would forget them.
     */
    public Ledger ledger() throws PkiException {
        Optional<CrlOnDisk> crl = crlOnDisk();
        if (!Files.exists(layout.ledger()) && hasCa()) {
            long certificates;
            try {
                certificates = nodeDirectories().stream().filter(h -> Files.exists(layout.nodeCertificate(h))).count();
            } catch (IOException e) {
                certificates = 0;
            }
            int revocations = crl.map(c -> c.revoked().size()).orElse(0);
            if (certificates > 0 || revocations > 0) {
                throw PkiException.badInput(layout.ledger() + " is missing, but " + certificates + " node certificate(s) are on disk and the CRL lists "
                        + revocations + " revocation(s); a fresh ledger would forget them (and un-revoke the revoked). Restore "
                        + layout.ledger().getFileName() + " from your backup of " + layout.root() + ". Without a backup, write "
                        + "{\"version\": 1, \"crlNumber\": 0, \"certificates\": []} into it: the next issue, rotate or revoke "
                        + "rebuilds it from the certificates on disk and the CRL, and lists every entry it adds");
            }
        }
        Ledger ledger = ledgerStore.read();
        return crl.map(c -> ledger.withCrl(c.number(), c.revoked())).orElse(ledger);
    }

    /** The CRL on disk when it parses and this CA signed it; a CRL that does not verify is no evidence. */
    private record CrlOnDisk(long number, List<Ledger.Revocation> revoked) {
    }

    private Optional<CrlOnDisk> crlOnDisk() {
        if (!Files.exists(layout.crl()) || !Files.exists(layout.caCertificate())) {
            return Optional.empty();
        }
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(layout.crl())))) {
            if (!(parser.readObject() instanceof X509CRLHolder crl) || crl.getExtension(Extension.cRLNumber) == null) {
                return Optional.empty();
            }
            X509CertificateHolder ca = caCertificate();
            if (!crl.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(ca))) {
                return Optional.empty();
            }
            long number = CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber().longValueExact();
            List<Ledger.Revocation> revoked = new ArrayList<>();
            for (Object o : crl.getRevokedCertificates()) {
                org.bouncycastle.cert.X509CRLEntryHolder entry = (org.bouncycastle.cert.X509CRLEntryHolder) o;
                int code = entry.getExtensions() == null || entry.getExtensions().getExtension(Extension.reasonCode) == null ? 0
                        : org.bouncycastle.asn1.x509.CRLReason.getInstance(entry.getExtensions().getExtension(Extension.reasonCode).getParsedValue())
                        .getValue().intValue();
                revoked.add(new Ledger.Revocation(entry.getSerialNumber().toString(16), entry.getRevocationDate().toInstant(),
                        RevocationReason.ofCode(code).id()));
            }
            return Optional.of(new CrlOnDisk(number, revoked));
        } catch (IOException | RuntimeException | PkiException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertException | java.security.cert.CertificateException e) {
            return Optional.empty();
        }
    }

    /** The hosts this directory knows: those in the ledger and those with a node directory. */
    public List<String> knownHosts() throws PkiException, IOException {
        TreeSet<String> hosts = new TreeSet<>(ledger().hosts());
        hosts.addAll(nodeDirectories());
        return List.copyOf(hosts);
    }

    /** The state of each host's certificate now. Read-only, so it reports an interrupted run rather than repairing it. */
    public List<HostStatus> status(Collection<String> hosts, Duration rotateWithin) throws PkiException {
        CertificateInspector inspector = new CertificateInspector(layout, caCertificate(), ledger(), clock.instant(), rotateWithin);
        return inspectAll(inspector, hosts);
    }

    /** Issues a certificate for each host that has no usable one (or for all with force). Existing valid ones stay. */
    public RunReport issue(CertificateAuthority ca, Collection<String> hosts, IssuePolicy policy) throws PkiException, IOException {
        return run(ca, hosts, policy, false);
    }

    /**
     * Re-issues the certificates that expire within the policy's window (or have expired). Hosts without a
     * certificate, or with a revoked or broken one, are skipped: that is `issue`'s job, and the report says so.
     */
    public RunReport rotate(CertificateAuthority ca, Collection<String> hosts, IssuePolicy policy) throws PkiException, IOException {
        return run(ca, hosts, policy, true);
    }

    /**
     * Signs a node's own certificate signing request (the fleet server's bootstrap: the node keeps its key) and records
     * the certificate in the ledger, so that status, revocation and the CRL know it. No node files are written here:
     * key and certificate live on the node.
     */
    public X509CertificateHolder signNode(CertificateAuthority ca, PKCS10CertificationRequest csr, String host, Duration validity)
            throws PkiException, IOException {
        HostNames.require(host);
        return locked(() -> {
            requireSameCa(ca);
            repair(ca);
            Ledger ledger = ledger();
            X509CertificateHolder cert = ca.sign(csr, host, validity, clock, ledger::contains);
            ledgerStore.write(ledger.with(LedgerEntry.signedForNode(host, cert.getSerialNumber(), cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), clock.instant(), Fingerprints.sha256(cert))));
            return cert;
        });
    }

    /** What {@link #revoke} did: the revoked serial and the new CRL's number. */
    public record Revoked(String host, BigInteger serial, long crlNumber, List<String> repairs) {
    }

    /**
     * Revokes the host's latest certificate and writes a new CRL with every revoked serial. The node files stay in
     * place for inspection; status shows the host as revoked until `issue` gives it a new certificate.
     */
    public Revoked revoke(CertificateAuthority ca, String host, RevocationReason reason, Duration crlValidity) throws PkiException, IOException {
        HostNames.require(host);
        return locked(() -> {
            requireSameCa(ca);
            List<String> repairs = repair(ca);
            Ledger ledger = ledger();
            LedgerEntry latest = ledger.latest(host).orElseThrow(() ->
                    PkiException.refused("the ledger has no certificate for '" + host + "'; check the name with `hybridctl pki status`"));
            if (latest.revoked()) {
                throw PkiException.refused("the certificate of '" + host + "' (serial " + latest.serial() + ") was already revoked at " + latest.revokedAt());
            }
            Ledger next = ledger.revoke(latest.serialNumber(), clock.instant(), reason.id()).nextCrl();
            ledgerStore.write(next);
            writeCrl(ca, next, crlValidity);
            return new Revoked(host, latest.serialNumber(), next.crlNumber(), repairs);
        });
    }

    private RunReport run(CertificateAuthority ca, Collection<String> hosts, IssuePolicy policy, boolean rotation) throws PkiException, IOException {
        hosts.forEach(HostNames::require);
        return locked(() -> {
            requireSameCa(ca);
            List<String> repairs = repair(ca);
            Ledger start = ledger();
            Ledger ledger = start;
            List<IssueOutcome> outcomes = new ArrayList<>();
            CertificateInspector inspector = new CertificateInspector(layout, ca.certificate(), start, clock.instant(), policy.rotateWithin());
            List<HostStatus> found = inspectAll(inspector, new TreeSet<>(hosts));
            try {
                for (HostStatus before : found) {
                    String host = before.host();
                    IssueOutcome.Action action = decide(before.state(), policy.force(), rotation);
                    if (!policy.force() && start.latest(host).map(LedgerEntry::heldByNode).orElse(false)) {
                        // The node holds its key (fleet bootstrap): a key made here would never reach it. The fleet's
                        // rotate-credentials operation renews it from a new CSR; --force issues here anyway.
                        action = IssueOutcome.Action.SKIPPED;
                    }
                    if (action == IssueOutcome.Action.UNCHANGED || action == IssueOutcome.Action.SKIPPED) {
                        outcomes.add(new IssueOutcome(host, action, before, Optional.empty(), Optional.empty()));
                        continue;
                    }
                    Ledger current = ledger;
                    NodeCredentials issued = ca.issue(host, policy.keyAlgorithm(), policy.validity(), clock, current::contains);
                    writeNode(issued);
                    CrashPoint.reach("after-certificate");
                    ledger = ledger.with(entry(issued));
                    outcomes.add(new IssueOutcome(host, action, before, Optional.of(issued.serial()), Optional.of(issued.notAfter())));
                }
            } finally {
                // One ledger write per run, also when a later host failed: rewriting the whole ledger after every
                // host made a 1,000-node run quadratic. A crash before this line loses nothing; repair() records
                // the certificates on disk from the certificates themselves.
                if (ledger != start) {
                    ledgerStore.write(ledger);
                }
            }
            return new RunReport(outcomes, repairs);
        });
    }

    private interface LockedAction<T> {
        T run() throws PkiException, IOException;
    }

    @SuppressWarnings("try") // the lock is held for its scope; the body never needs the object itself
    private <T> T locked(LockedAction<T> action) throws PkiException, IOException {
        try (PkiLock lock = PkiLock.acquire(layout.root(), lockWait)) {
            return action.run();
        }
    }

    // Inspection is read-only and dominated by signature and key checks (a few ms each on P-384), so hosts are
    // checked in parallel; the result keeps the order of the input.
    private static List<HostStatus> inspectAll(CertificateInspector inspector, Collection<String> hosts) {
        return List.copyOf(hosts).parallelStream().map(inspector::inspect).toList();
    }

    private static IssueOutcome.Action decide(CertificateState state, boolean force, boolean rotation) {
        boolean working = state == CertificateState.OK || state == CertificateState.ROTATE_SOON || state == CertificateState.EXPIRED;
        if (rotation) {
            if (!working) {
                return force && state != CertificateState.MISSING ? IssueOutcome.Action.ISSUED : IssueOutcome.Action.SKIPPED;
            }
            return force || state.dueForRotation() ? IssueOutcome.Action.RENEWED : IssueOutcome.Action.UNCHANGED;
        }
        if (state == CertificateState.OK) {
            return force ? IssueOutcome.Action.RENEWED : IssueOutcome.Action.UNCHANGED;
        }
        return working ? IssueOutcome.Action.RENEWED : IssueOutcome.Action.ISSUED;
    }

    private void writeNode(NodeCredentials issued) throws IOException {
        Path dir = layout.nodeDirectory(issued.host());
        AtomicFiles.createPrivateDirectories(dir);
        AtomicFiles.writeSecret(layout.nodeKey(issued.host()), issued.privateKeyPem());
        AtomicFiles.writePublic(layout.nodeCertificate(issued.host()), issued.certificatePem());
    }

    private void requireSameCa(CertificateAuthority ca) throws PkiException {
        if (!caCertificate().equals(ca.certificate())) {
            throw PkiException.badInput("the CA given is not the CA stored in " + layout.caCertificate());
        }
    }

    /**
     * Brings the directory back to a consistent state after an interrupted run: removes temporary files, records
     * certificates the ledger missed (read from the certificates themselves, which this CA signed), and rewrites a
     * CRL older than the ledger. Returns one line per repair.
     */
    private List<String> repair(CertificateAuthority ca) throws PkiException, IOException {
        List<String> repairs = new ArrayList<>();
        removeTemporaryFiles(layout.root(), repairs);
        Ledger stored = ledgerStore.read();
        Ledger ledger = ledger();
        if (ledger != stored) {
            repairs.addAll(crlRepairs(stored, ledger));
        }
        Ledger repaired = ledger;
        for (String host : nodeDirectories()) {
            removeTemporaryFiles(layout.nodeDirectory(host), repairs);
            Path certFile = layout.nodeCertificate(host);
            if (!Files.exists(certFile)) {
                continue;
            }
            X509CertificateHolder cert;
            try {
                cert = PemCodec.readCertificate(Files.readString(certFile), certFile.toString());
            } catch (PkiException e) {
                continue; // status shows it as invalid; issue replaces it
            }
            if (!repaired.contains(cert.getSerialNumber()) && ca.signed(cert) && host.equals(CertificateInspector.commonName(cert))) {
                repaired = repaired.with(LedgerEntry.issued(host, cert.getSerialNumber(), cert.getNotBefore().toInstant(),
                        cert.getNotAfter().toInstant(), clock.instant(), Fingerprints.sha256(cert), true));
                repairs.add("recorded certificate " + cert.getSerialNumber().toString(16) + " of " + host
                        + " in the ledger: an earlier run wrote it but stopped before recording it");
            }
        }
        if (repaired != stored) {
            ledgerStore.write(repaired);
        }
        if (crlNumber().orElse(-1L) != repaired.crlNumber() && repaired.crlNumber() > 0) {
            writeCrl(ca, repaired, DEFAULT_CRL_VALIDITY);
            repairs.add("rewrote " + layout.crl().getFileName() + " (CRL " + repaired.crlNumber() + "): it did not match the ledger's revocations");
        }
        return repairs;
    }

    private static List<String> crlRepairs(Ledger stored, Ledger merged) {
        List<String> lines = new ArrayList<>();
        for (LedgerEntry e : merged.revoked()) {
            if (stored.find(e.serialNumber()).map(s -> !s.revoked()).orElse(false)) {
                lines.add("marked certificate " + e.serial() + " of " + e.host() + " revoked in the ledger: the CRL lists it (revoked at "
                        + e.revokedAt() + ")");
            }
        }
        for (Ledger.Revocation r : merged.orphanRevocations()) {
            if (!stored.orphanRevocations().contains(r)) {
                lines.add("kept serial " + r.serial() + " revoked: the CRL lists it, the ledger had no record of it");
            }
        }
        if (merged.crlNumber() > stored.crlNumber()) {
            lines.add("raised the ledger's CRL number from " + stored.crlNumber() + " to " + merged.crlNumber() + ", the number of the CRL on disk");
        }
        return lines;
    }

    private void writeCrl(CertificateAuthority ca, Ledger ledger, Duration validity) throws IOException {
        List<CertificateAuthority.Revocation> revoked = new ArrayList<>(ledger.revoked().stream()
                .map(e -> new CertificateAuthority.Revocation(e.serialNumber(), e.revokedAt(), RevocationReason.parse(e.revocationReason())))
                .toList());
        ledger.orphanRevocations().forEach(r -> revoked.add(new CertificateAuthority.Revocation(r.serialNumber(), r.revokedAt(),
                RevocationReason.parse(r.reason()))));
        AtomicFiles.writePublic(layout.crl(), ca.crl(revoked, ledger.crlNumber(), clock.instant(), validity));
    }

    /** The number of the CRL on disk, if there is a readable one. */
    Optional<Long> crlNumber() {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(layout.crl())))) {
            if (parser.readObject() instanceof X509CRLHolder crl && crl.getExtension(Extension.cRLNumber) != null) {
                return Optional.of(CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber().longValueExact());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void removeTemporaryFiles(Path dir, List<String> repairs) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                repairs.add("removed " + file + ", left by an interrupted run");
            }
        }
    }

    private List<String> nodeDirectories() throws IOException {
        Path nodes = layout.root().resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(nodes)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private LedgerEntry entry(NodeCredentials issued) {
        return LedgerEntry.issued(issued.host(), issued.serial(), issued.notBefore(), issued.notAfter(), clock.instant(), Fingerprints.sha256(issued.certificate()), false);
    }
}
