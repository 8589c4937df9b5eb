package io.hybridctl.pki;

import io.hybridctl.pki.status.HostStatus;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * What issue or rotate did for one host: the state it found, what it did, and the new certificate's serial and end
 * when it wrote one. It holds no key material.
 */
public record IssueOutcome(String host, Action action, HostStatus before, Optional<BigInteger> serial, Optional<Instant> notAfter) {

    public enum Action {
        /** A certificate was written where there was none usable. */
        ISSUED,
        /** A working certificate was replaced (forced, or due for rotation). */
        RENEWED,
        /** The host already had a valid certificate outside the rotation window. */
        UNCHANGED,
        /** Rotation left the host alone because it has nothing to rotate; `before` says why. */
        SKIPPED
    }

    public boolean wroteFiles() {
        return action == Action.ISSUED || action == Action.RENEWED;
    }
}
