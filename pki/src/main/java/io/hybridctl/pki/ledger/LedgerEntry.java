package io.hybridctl.pki.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * One certificate the CA issued. {@code recovered} marks an entry rebuilt from a certificate on disk after a run
 * stopped between writing the certificate and recording it. Revocation fields are null until it is revoked.
 * {@code keyOnNode} marks a certificate signed from the node's own CSR (by the fleet server): key and certificate live
 * on the node only, so there are no node files here and the ledger is the record (null in older ledgers: false).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(String host, String serial, Instant notBefore, Instant notAfter, Instant recordedAt,
                          String sha256, boolean recovered, Instant revokedAt, String revocationReason, Boolean keyOnNode) {

    public static LedgerEntry issued(String host, BigInteger serial, Instant notBefore, Instant notAfter, Instant recordedAt,
                                     String sha256, boolean recovered) {
        return new LedgerEntry(host, serial.toString(16), notBefore, notAfter, recordedAt, sha256, recovered, null, null, null);
    }

    /** A certificate signed from the node's CSR: the node holds key and certificate. */
    public static LedgerEntry signedForNode(String host, BigInteger serial, Instant notBefore, Instant notAfter, Instant recordedAt,
                                            String sha256) {
        return new LedgerEntry(host, serial.toString(16), notBefore, notAfter, recordedAt, sha256, false, null, null, true);
    }

    public boolean heldByNode() {
        return Boolean.TRUE.equals(keyOnNode);
    }

    public BigInteger serialNumber() {
        return new BigInteger(serial, 16);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Optional<Instant> revocationTime() {
        return Optional.ofNullable(revokedAt);
    }

    public LedgerEntry revoke(Instant at, String reason) {
        return new LedgerEntry(host, serial, notBefore, notAfter, recordedAt, sha256, recovered, at, reason, keyOnNode);
    }
}
