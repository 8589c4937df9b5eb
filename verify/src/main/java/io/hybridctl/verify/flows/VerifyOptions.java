package io.hybridctl.verify.flows;

/**
 * Design facts the spec does not hold. `webhooksOnHybridNodes`: admission webhooks run on hybrid nodes (then the API
 * server must reach the pod CIDR even when pods are declared unroutable).
 */
public record VerifyOptions(boolean webhooksOnHybridNodes) {
    public static final VerifyOptions DEFAULT = new VerifyOptions(false);
}
