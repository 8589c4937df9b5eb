package io.hybridctl.cli;

import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.format.ReportFormat;
import picocli.CommandLine;

/** Maps -o and --min-severity values to report formats and severities, rejecting unknown ones as a usage error (exit 2). */
final class Formats {

    private Formats() {
    }

    static ReportFormat parse(String name, CommandLine.Model.CommandSpec spec) {
        try {
            return ReportFormat.named(name, Terminal.color());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static Severity severity(String label, CommandLine.Model.CommandSpec spec) {
        try {
            return Severity.ofLabel(label);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " (for --min-severity)");
        }
    }
}
