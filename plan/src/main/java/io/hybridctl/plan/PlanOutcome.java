package io.hybridctl.plan;

import io.hybridctl.plan.ipam.IpamProblem;

import java.util.List;

/** A rendered plan, or the pod address problems that stop one (never a partial plan). */
public sealed interface PlanOutcome {

    record Rendered(RenderedPlan plan) implements PlanOutcome {
    }

    record Refused(List<IpamProblem> problems) implements PlanOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
