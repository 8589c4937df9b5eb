package io.hybridctl.pki.status;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One node's certificate as found on disk. {@code notes} carries what an operator should know beyond the state, such as
 * a certificate the ledger has not recorded yet after an interrupted run.
 */
public record HostStatus(String host, CertificateState state, Optional<BigInteger> serial, Optional<Instant> notAfter,
                         String detail, List<String> notes) {

    public HostStatus {
        notes = List.copyOf(notes);
    }

    /** Whole days from {@code now} to notAfter, negative once expired. */
    public Optional<Long> daysLeft(Instant now) {
        return notAfter.map(end -> Math.floorDiv(Duration.between(now, end).toSeconds(), 86_400L));
    }
}
