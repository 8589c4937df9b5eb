package io.hybridctl.pki.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * One certificate the CA issued. {@code recovered} marks an entry rebuilt from a certificate on disk after a run
 * stopped between writing the certificate and recording it. Revocation fields are null until it is revoked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(String host, String serial, Instant notBefore, Instant notAfter, Instant recordedAt,
                          String sha256, boolean recovered, Instant revokedAt, String revocationReason) {

    public static LedgerEntry issued(String host, BigInteger serial, Instant notBefore, Instant notAfter, Instant recordedAt,
                                     String sha256, boolean recovered) {
        return new LedgerEntry(host, serial.toString(16), notBefore, notAfter, recordedAt, sha256, recovered, null, null);
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
        return new LedgerEntry(host, serial, notBefore, notAfter, recordedAt, sha256, recovered, at, reason);
    }
}
