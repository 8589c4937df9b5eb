package io.hybridctl.spec.diag;

import java.util.Arrays;
import java.util.Locale;

/** How much a finding matters, most severe first; the same word (`error`, `warning`, `note`) in every format. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a finding of this severity is shown when only {@code minimum} and worse are wanted. */
    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) <= 0;
    }

    /** Parses a label as printed ({@code error}, {@code warning}, {@code note}). */
    public static Severity ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + label + "'; use error, warning or note"));
    }
}
