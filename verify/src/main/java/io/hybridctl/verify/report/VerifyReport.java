package io.hybridctl.verify.report;

import io.hybridctl.verify.flows.FlowResult;

import java.util.List;

/**
 * Everything one verify run found. `notes` are things the user should know that are not flow results (the spec has
 * validation errors, a lock could not be read, a host got no pod block); `differences` compare observed state with
 * the design.
 */
public record VerifyReport(String cluster, int hosts, int sites, List<String> notes, List<Difference> differences,
                           List<FlowResult> flows) {

    public VerifyReport {
        notes = List.copyOf(notes);
        differences = List.copyOf(differences);
        flows = List.copyOf(flows);
    }

    /** Where an observed file disagrees with what plan would have deployed. */
    public record Difference(String source, String component, String detail) {
    }

    public boolean passed() {
        return flows.stream().allMatch(FlowResult::passed);
    }

    /** 0 only when every applicable required flow passes. */
    public int exitCode() {
        return passed() ? 0 : 1;
    }
}
