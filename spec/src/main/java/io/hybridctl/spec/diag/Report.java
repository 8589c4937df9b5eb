package io.hybridctl.spec.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All diagnostics of one run, in reading order: errors, then warnings, then notes; within a severity, what reading
 * and the structural check found (SPEC codes, often the root cause) before what the rules concluded from it, then
 * file order. `unreadable` marks input that could not be read or parsed at all, which is a different exit code from a
 * spec that parsed but has errors. `hidden` holds what a minimum severity left out: it still counts for the exit code.
 */
public record Report(List<Diagnostic> diagnostics, boolean unreadable, List<Diagnostic> hidden) {

    public static final int OK = 0;
    public static final int SPEC_ERRORS = 1;
    public static final int UNUSABLE_INPUT = 2;

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::severity)
            .thenComparing(d -> !d.code().startsWith("SPEC"))
            .thenComparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Report {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(ORDER);
        diagnostics = List.copyOf(sorted);
        hidden = List.copyOf(hidden);
    }

    public Report(List<Diagnostic> diagnostics, boolean unreadable) {
        this(diagnostics, unreadable, List.of());
    }

    /** This report showing only findings of {@code minimum} severity or worse; errors are always shown. */
    public Report atLeast(Severity minimum) {
        List<Diagnostic> shown = new ArrayList<>();
        List<Diagnostic> left = new ArrayList<>(hidden);
        for (Diagnostic d : diagnostics) {
            (d.severity().atLeast(minimum) ? shown : left).add(d);
        }
        return new Report(shown, unreadable, left);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Shown findings of this severity. */
    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    public int exitCode(boolean strict) {
        if (unreadable) {
            return UNUSABLE_INPUT;
        }
        boolean warnings = count(Severity.WARNING) > 0 || hidden.stream().anyMatch(d -> d.severity() == Severity.WARNING);
        if (hasErrors() || (strict && warnings)) {
            return SPEC_ERRORS;
        }
        return OK;
    }
}
