package io.hybridctl.spec.diag;

import io.hybridctl.spec.diag.Severity;

/** The documentation of one diagnostic code, as `hybridctl explain` prints it. */
public record RuleDoc(String code, Severity severity, String title, String source, String explain) {
}
