package io.hybridctl.spec.diag.format;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;

import static io.hybridctl.spec.diag.format.ControlCharacters.escape;

/**
 * Compiler-style lines: `file:line:col: error[CODE] message`, then the path and the hint, indented. What came from
 * the user (file names, messages quoting the spec) is printed with its control characters escaped.
 */
public record TextFormat(boolean color) implements ReportFormat {

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : report.diagnostics()) {
            out.append(escape(d.location().toString())).append(": ").append(paint(d.severity())).append('[').append(escape(d.code())).append("] ")
                    .append(escape(d.message())).append('\n');
            if (!d.path().isEmpty()) {
                out.append("    at ").append(escape(d.path())).append('\n');
            }
            if (!d.hint().isEmpty()) {
                out.append("    fix: ").append(escape(d.hint())).append('\n');
            }
        }
        long e = report.count(Severity.ERROR);
        long w = report.count(Severity.WARNING);
        long n = report.count(Severity.NOTE);
        out.append(e).append(" error(s), ").append(w).append(" warning(s), ").append(n).append(" note(s)");
        if (!report.hidden().isEmpty()) {
            out.append("; ").append(report.hidden().size()).append(" below the minimum severity not shown");
        }
        out.append('\n');
        return out.toString();
    }

    private String paint(Severity s) {
        if (!color) {
            return s.label();
        }
        String code = switch (s) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case NOTE -> "\u001b[1;36m";
        };
        return code + s.label() + "\u001b[0m";
    }
}
