package io.hybridctl.spec.diag.format;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;

/** Compiler-style lines: `file:line:col: error[CODE] message`, then the path and the hint, indented. */
public record TextFormat(boolean color) implements ReportFormat {

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : report.diagnostics()) {
            out.append(d.location()).append(": ").append(paint(d.severity())).append('[').append(d.code()).append("] ")
                    .append(d.message()).append('\n');
            if (!d.path().isEmpty()) {
                out.append("    at ").append(d.path()).append('\n');
            }
            if (!d.hint().isEmpty()) {
                out.append("    fix: ").append(d.hint()).append('\n');
            }
        }
        long e = report.count(Severity.ERROR);
        long w = report.count(Severity.WARNING);
        long i = report.count(Severity.INFO);
        out.append(e).append(" error(s), ").append(w).append(" warning(s), ").append(i).append(" note(s)").append('\n');
        return out.toString();
    }

    private String paint(Severity s) {
        String label = s == Severity.INFO ? "note" : s.label();
        if (!color) {
            return label;
        }
        String code = switch (s) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[1;36m";
        };
        return code + label + "\u001b[0m";
    }
}
