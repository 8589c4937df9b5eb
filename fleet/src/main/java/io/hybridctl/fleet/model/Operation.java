package io.hybridctl.fleet.model;

import java.util.List;

public record Operation(String id, String hostId, String poolId, OperationKind kind, OperationState state,
                        String reason, String profileId, int profileRevision, List<Step> steps, long createdAt,
                        long updatedAt) {
    public Operation {
        steps = List.copyOf(steps);
    }

    public record Step(int index, String name, StepState state, Long startedAt, Long finishedAt) {
    }
}
