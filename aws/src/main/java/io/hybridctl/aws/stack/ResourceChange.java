package io.hybridctl.aws.stack;

import java.util.List;

/** One line of a change set: Add, Modify, Remove (or Import, Dynamic), and whether a modification replaces. */
public record ResourceChange(String action, String logicalId, String resourceType, String replacement, List<String> changedProperties) {

    public ResourceChange {
        replacement = replacement == null ? "" : replacement;
        changedProperties = List.copyOf(changedProperties);
    }

    public boolean replaces() {
        return replacement.equals("True") || replacement.equals("Conditional");
    }
}
