package io.hybridctl.cli;

import io.hybridctl.spec.diag.format.ReportFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a HybridCluster spec against every rule EKS, eksctl and nodeadm enforce, plus design rules.",
                "Exit 0: valid (warnings allowed unless --strict); 1: the spec has errors; 2: unreadable input or bad usage."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1).")
    boolean strict;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat format = Formats.parse(output, spec);
        LoadResult result = new SpecLoader().load(file);
        spec.commandLine().getOut().print(format.render(result.report()));
        return result.report().exitCode(strict);
    }
}
