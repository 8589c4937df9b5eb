package io.hybridctl.spec.yaml;

/**
 * Bounds that keep hostile input from exhausting memory or time: a spec for 100,000 hosts (about 513,000 values)
 * fits inside them, an alias bomb or a 50 MB scalar does not. The value budget is what bounds a file of millions of
 * tiny values: SnakeYAML reads roughly 150,000-300,000 values a second, so 1,000,000 is refused within a few
 * seconds instead of the 30-45 s and 2-3 GB that five million took (see docs/performance.md).
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxScalarLength, long maxNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(64L << 20, 64, 256 << 10, 1_000_000);
}
