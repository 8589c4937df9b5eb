package io.hybridctl.pki.status;

/** Where a node's certificate stands. Only ok and rotate-soon certificates can authenticate a node today. */
public enum CertificateState {
    OK("ok"),
    ROTATE_SOON("rotate-soon"),
    EXPIRED("expired"),
    MISSING("missing"),
    REVOKED("revoked"),
    /** Files present but unusable: unparseable, key not matching, not signed by this CA, wrong CN, not yet valid. */
    INVALID("invalid");

    private final String label;

    CertificateState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States that make `pki status` exit 1: the node cannot join (or stay joined) with what is on disk. */
    public boolean failsStatus() {
        return this == EXPIRED || this == MISSING || this == INVALID || this == REVOKED;
    }

    /** Rotation replaces certificates that are working but near or past their end. */
    public boolean dueForRotation() {
        return this == ROTATE_SOON || this == EXPIRED;
    }
}
