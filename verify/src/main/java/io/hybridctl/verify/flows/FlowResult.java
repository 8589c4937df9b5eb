package io.hybridctl.verify.flows;

import io.hybridctl.verify.definition.FlowDefinition;
import java.util.List;
import java.util.Optional;

/** The verdict of one catalogue entry: not applicable (and why), or passed / failed with every finding. */
public record FlowResult(FlowDefinition definition, Optional<String> notApplicable, int sources, int destinations,
                         int tracedGroups, List<Finding> findings) {

    public FlowResult {
        findings = List.copyOf(findings);
    }

    public boolean applicable() {
        return notApplicable.isEmpty();
    }

    public boolean passed() {
        return findings.isEmpty();
    }
}
