package io.hybridctl.pki.ledger;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the CA has done: every certificate issued, in order, with revocations marked, and the number of the last CRL.
 * Immutable; every change returns a new ledger for {@link LedgerStore} to write atomically.
 */
public record Ledger(int version, long crlNumber, List<LedgerEntry> certificates) {

    public static final int VERSION = 1;

    public Ledger {
        certificates = List.copyOf(certificates);
    }

    public static Ledger empty() {
        return new Ledger(VERSION, 0, List.of());
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
        next.add(entry);
        return new Ledger(version, crlNumber, next);
    }

    public Ledger revoke(BigInteger serial, Instant at, String reason) {
        String hex = serial.toString(16);
        List<LedgerEntry> next = certificates.stream()
                .map(e -> e.serial().equals(hex) && !e.revoked() ? e.revoke(at, reason) : e).toList();
        return new Ledger(version, crlNumber, next);
    }

    public Ledger nextCrl() {
        return new Ledger(version, crlNumber + 1, certificates);
    }
}
