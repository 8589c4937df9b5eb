package io.hybridctl.verify.definition;

public enum Expectation {
    /** Every packet of the flow must be accepted, and its reply too. */
    MUST_WORK,
    /** No packet of the flow may be accepted (isolation the design promises). */
    MUST_NOT_WORK
}
