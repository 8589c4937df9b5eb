package io.hybridctl.pki;

import java.util.List;

/** The result of a run that changed the PKI directory: per-host outcomes and what was repaired first. */
public record RunReport(List<IssueOutcome> outcomes, List<String> repairs) {

    public RunReport {
        outcomes = List.copyOf(outcomes);
        repairs = List.copyOf(repairs);
    }
}
