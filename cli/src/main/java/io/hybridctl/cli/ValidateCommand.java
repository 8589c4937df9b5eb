package io.hybridctl.cli;

import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.format.ReportFormat;
import io.hybridctl.spec.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a HybridCluster spec against every rule EKS, eksctl and nodeadm enforce, plus design rules.",
                "Errors are listed first, then warnings, then notes.",
                "Exit 0: valid (warnings allowed unless --strict); 1: the spec has errors; 2: unreadable input or bad usage."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file, or - to read it from standard input.")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "The output format: text, json, sarif or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1).")
    boolean strict;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "note",
            description = "Show only findings of this severity or worse: error, warning or note. Default: ${DEFAULT-VALUE}.")
    String minSeverity;

    @Option(names = {"-q", "--quiet"}, description = "Hide notes; the same as --min-severity warning.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat format = Formats.parse(output, spec);
        Severity minimum = Formats.severity(quiet ? "warning" : minSeverity, spec);
        LoadResult result = SpecFile.load(file, spec);
        Report shown = result.report().atLeast(minimum);
        spec.commandLine().getOut().print(format.render(shown));
        return shown.exitCode(strict);
    }
}
