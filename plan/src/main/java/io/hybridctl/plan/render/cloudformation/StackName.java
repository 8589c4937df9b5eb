package io.hybridctl.plan.render.cloudformation;

/** The name plan's templates are deployed under (the runbook's `--stack-name`, apply's stack, the fleet's default). */
public final class StackName {

    private StackName() {
    }

    public static String of(String clusterName) {
        return clusterName + "-hybrid";
    }
}
