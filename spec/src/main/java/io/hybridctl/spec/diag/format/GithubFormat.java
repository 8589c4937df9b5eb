package io.hybridctl.spec.diag.format;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;

/** GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=CODE::message`. */
public record GithubFormat() implements ReportFormat {

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : report.diagnostics()) {
            String kind = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.append("::").append(kind).append(" file=").append(property(d.location().file()));
            if (d.location().line() > 0) {
                out.append(",line=").append(d.location().line()).append(",col=").append(d.location().column());
            }
            out.append(",title=").append(property(d.code())).append("::")
                    .append(data(d.message() + (d.hint().isEmpty() ? "" : "\nFix: " + d.hint()))).append('\n');
        }
        return out.toString();
    }

    // Workflow commands end at a newline, so %, CR and LF are percent-encoded; other control characters would reach
    // the log viewer as they are, so they are escaped first.
    private static String data(String s) {
        return ControlCharacters.escape(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
