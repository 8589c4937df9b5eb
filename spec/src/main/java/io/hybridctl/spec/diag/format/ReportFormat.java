package io.hybridctl.spec.diag.format;

import io.hybridctl.spec.diag.Report;

/** A way to print a report: for people, for scripts, for code-scanning tools, for CI annotations. */
public sealed interface ReportFormat permits TextFormat, JsonFormat, SarifFormat, GithubFormat {

    String render(Report report);

    static ReportFormat named(String name, boolean color) {
        return switch (name) {
            case "text" -> new TextFormat(color);
            case "json" -> new JsonFormat();
            case "sarif" -> new SarifFormat();
            case "github" -> new GithubFormat();
            default -> throw new IllegalArgumentException("unknown output format '" + name + "'; use text, json, sarif or github");
        };
    }
}
