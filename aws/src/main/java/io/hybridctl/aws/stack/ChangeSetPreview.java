package io.hybridctl.aws.stack;

import java.util.List;

/**
 * A change set as CloudFormation computed it for the current plan. {@code changeSetName} is derived from the template
 * and parameters, so `apply --approve` finds and executes exactly the change set a plain `apply` showed.
 */
public record ChangeSetPreview(String stackName, String changeSetName, boolean newStack, List<ResourceChange> changes) {

    public ChangeSetPreview {
        changes = List.copyOf(changes);
    }

    public boolean empty() {
        return changes.isEmpty();
    }

    public List<ResourceChange> withAction(String action) {
        return changes.stream().filter(c -> c.action().equals(action)).toList();
    }
}
