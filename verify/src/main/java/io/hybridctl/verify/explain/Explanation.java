package io.hybridctl.verify.explain;

/**
 * Why a flow failed, in the spirit of Reachability Analyzer's explanation codes: the code, the component that blocked
 * it, what is wrong, what to change (a spec field or a plan artifact), and what users see.
 */
public record Explanation(String code, String component, String detail, String remediation, String symptom) {
}
