package io.hybridctl.pki;

import io.hybridctl.pki.ca.KeyAlgorithm;

import java.time.Duration;

/**
 * How node certificates are issued: their key type and lifetime, how close to expiry a certificate counts as due for
 * rotation, and whether to replace valid certificates anyway.
 */
public record IssuePolicy(KeyAlgorithm keyAlgorithm, Duration validity, Duration rotateWithin, boolean force) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    public static final Duration DEFAULT_ROTATE_WITHIN = Duration.ofDays(30);

    public IssuePolicy {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        if (rotateWithin.isNegative() || rotateWithin.compareTo(validity) >= 0) {
            // A window as long as the lifetime would make every fresh certificate due at once: re-issue forever.
            throw new IllegalArgumentException("the rotation window (" + rotateWithin.toDays() + " d) must be shorter than the validity ("
                    + validity.toDays() + " d)");
        }
    }

    public static IssuePolicy defaults() {
        return new IssuePolicy(KeyAlgorithm.EC_P384, DEFAULT_VALIDITY, DEFAULT_ROTATE_WITHIN, false);
    }

    public IssuePolicy withForce(boolean value) {
        return new IssuePolicy(keyAlgorithm, validity, rotateWithin, value);
    }
}
