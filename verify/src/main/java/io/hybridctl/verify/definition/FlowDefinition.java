package io.hybridctl.verify.definition;

/** One entry of the catalogue: what is checked, which documentation requires it, and what users see when it breaks. */
public record FlowDefinition(String name, String title, String reference, String applicability, String symptom,
                             Expectation expectation) {
}
