package io.hybridctl.spec.yaml;

/**
 * Bounds that keep hostile input from exhausting memory or time: a spec for 100,000 hosts fits well inside them, an
 * alias bomb or a 50 MB scalar does not.
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxScalarLength, long maxNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(64L << 20, 64, 256 << 10, 5_000_000);
}
