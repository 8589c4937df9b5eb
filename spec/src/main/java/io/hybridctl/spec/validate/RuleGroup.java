package io.hybridctl.spec.validate;

/** One group of checks over a loaded spec. Each finding carries a code documented in rules.yaml. */
public interface RuleGroup {
    void check(ValidationContext context);
}
