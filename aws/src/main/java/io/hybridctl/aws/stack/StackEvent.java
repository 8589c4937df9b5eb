package io.hybridctl.aws.stack;

import java.time.Instant;

/** One stack event, as progress: when, which resource, its new status and CloudFormation's reason. */
public record StackEvent(Instant time, String logicalId, String resourceType, String status, String reason) {

    public boolean failed() {
        return status.endsWith("_FAILED");
    }
}
