package io.hybridctl.plan.design;

import io.hybridctl.plan.ipam.IpamProblem;

import java.util.List;

/** A strict derivation either gives the design or the reasons its pod blocks cannot be allocated. */
public sealed interface DesignResult {

    record Derived(Design design) implements DesignResult {
    }

    record Refused(List<IpamProblem> problems) implements DesignResult {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
