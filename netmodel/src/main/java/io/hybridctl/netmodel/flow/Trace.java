package io.hybridctl.netmodel.flow;

import java.util.List;

/** The path of one group of equivalent packets, hop by hop, and how it ended. */
public record Trace(Disposition disposition, List<Hop> hops) {
    public Trace {
        hops = List.copyOf(hops);
    }

    public Hop lastHop() {
        return hops.get(hops.size() - 1);
    }

    /** The step that decided the outcome: the last step of the last hop. */
    public Step decidingStep() {
        List<Step> steps = lastHop().steps();
        return steps.get(steps.size() - 1);
    }
}
