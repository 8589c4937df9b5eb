package io.hybridctl.pki.ledger;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the CA has done: every certificate issued, in order, with revocations marked, and the number of the last CRL.
 * Immutable; every change returns a new ledger for {@link LedgerStore} to write atomically. {@code orphanRevocations}
 * are serials a CRL listed whose certificate the ledger never knew (a lost ledger rebuilt from the CRL): they stay
 * revoked in every later CRL.
 */
public record Ledger(int version, long crlNumber, List<LedgerEntry> certificates, List<Revocation> orphanRevocations) {

    public static final int VERSION = 1;

    /** A revoked serial known only from a CRL. */
    public record Revocation(String serial, Instant revokedAt, String reason) {
        public BigInteger serialNumber() {
            return new BigInteger(serial, 16);
        }
    }

    public Ledger {
        certificates = List.copyOf(certificates);
        orphanRevocations = orphanRevocations == null ? List.of() : List.copyOf(orphanRevocations);
    }

    public Ledger(int version, long crlNumber, List<LedgerEntry> certificates) {
        this(version, crlNumber, certificates, List.of());
    }

    public static Ledger empty() {
        return new Ledger(VERSION, 0, List.of());
    }

    /**
     * This ledger with every revocation a CRL lists and its number: a revocation is never forgotten because a ledger
     * was lost or rebuilt, and CRL numbers only increase. Serials the ledger knows are marked revoked; others are kept
     * as orphan revocations. Returns this ledger when the CRL adds nothing.
     */
    public Ledger withCrl(long crlNumberOnDisk, List<Revocation> listed) {
        List<LedgerEntry> next = new ArrayList<>(certificates);
        List<Revocation> orphans = new ArrayList<>(orphanRevocations);
        boolean changed = crlNumberOnDisk > crlNumber;
        for (Revocation r : listed) {
            Optional<LedgerEntry> known = find(r.serialNumber());
            if (known.isPresent()) {
                if (!known.get().revoked()) {
                    next.set(next.indexOf(known.get()), known.get().revoke(r.revokedAt(), r.reason()));
                    changed = true;
                }
            } else if (orphans.stream().noneMatch(o -> o.serialNumber().equals(r.serialNumber()))) {
                orphans.add(r);
                changed = true;
            }
        }
        return changed ? new Ledger(version, Math.max(crlNumber, crlNumberOnDisk), next, orphans) : this;
    }

    public Optional<LedgerEntry> find(BigInteger serial) {
        String hex = serial.toString(16);
        return certificates.stream().filter(e -> e.serial().equals(hex)).findFirst();
    }

    public boolean contains(BigInteger serial) {
        return find(serial).isPresent();
    }

    /** The latest certificate issued for the host. */
    public Optional<LedgerEntry> latest(String host) {
        for (int i = certificates.size() - 1; i >= 0; i--) {
            if (certificates.get(i).host().equals(host)) {
                return Optional.of(certificates.get(i));
            }
        }
        return Optional.empty();
    }

    public List<String> hosts() {
        return certificates.stream().map(LedgerEntry::host).distinct().sorted().toList();
    }

    public List<LedgerEntry> revoked() {
        return certificates.stream().filter(LedgerEntry::revoked).toList();
    }

    public Ledger with(LedgerEntry entry) {
        if (contains(entry.serialNumber())) {
            throw new IllegalArgumentException("serial " + entry.serial() + " is already in the ledger");
        }
        List<LedgerEntry> next = new ArrayList<>(certificates);
        // A certificate recorded after the CRL revoked it (a rebuilt ledger) is recorded revoked.
        Optional<Revocation> revoked = orphanRevocations.stream().filter(r -> r.serialNumber().equals(entry.serialNumber())).findFirst();
        next.add(revoked.map(r -> entry.revoke(r.revokedAt(), r.reason())).orElse(entry));
        List<Revocation> orphans = orphanRevocations.stream().filter(r -> revoked.map(x -> x != r).orElse(true)).toList();
        return new Ledger(version, crlNumber, next, orphans);
    }

    public Ledger revoke(BigInteger serial, Instant at, String reason) {
        String hex = serial.toString(16);
        List<LedgerEntry> next = certificates.stream()
                .map(e -> e.serial().equals(hex) && !e.revoked() ? e.revoke(at, reason) : e).toList();
        return new Ledger(version, crlNumber, next, orphanRevocations);
    }

    public Ledger nextCrl() {
        return new Ledger(version, crlNumber + 1, certificates, orphanRevocations);
    }
}
