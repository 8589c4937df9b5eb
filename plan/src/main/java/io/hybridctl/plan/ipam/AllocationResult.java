package io.hybridctl.plan.ipam;

import java.util.List;

/** Either every host has a block, or the reasons some cannot keep or get one. Never a partial renumbering. */
public sealed interface AllocationResult {

    record Allocated(Allocations allocations) implements AllocationResult {
    }

    record Refused(List<IpamProblem> problems) implements AllocationResult {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
