package io.hybridctl.spec.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All diagnostics of one run, in file order. `unreadable` marks input that could not be read or parsed at all,
 * which is a different exit code from a spec that parsed but has errors.
 */
public record Report(List<Diagnostic> diagnostics, boolean unreadable) {

    public static final int OK = 0;
    public static final int SPEC_ERRORS = 1;
    public static final int UNUSABLE_INPUT = 2;

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Report {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(ORDER);
        diagnostics = List.copyOf(sorted);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    public int exitCode(boolean strict) {
        if (unreadable) {
            return UNUSABLE_INPUT;
        }
        if (hasErrors() || (strict && count(Severity.WARNING) > 0)) {
            return SPEC_ERRORS;
        }
        return OK;
    }
}
