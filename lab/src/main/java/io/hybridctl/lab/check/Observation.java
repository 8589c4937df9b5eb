package io.hybridctl.lab.check;

import io.hybridctl.lab.flows.LabFlow;
/** What a probe of one flow saw, set next to what the static analysis expected. */
public record Observation(LabFlow flow, boolean reachable, long micros, String detail) {

    public LabFlow.Verdict observed() {
        return reachable ? LabFlow.Verdict.REACHABLE : LabFlow.Verdict.UNREACHABLE;
    }

    public boolean agrees() {
        return observed() == flow.expected();
    }
}
