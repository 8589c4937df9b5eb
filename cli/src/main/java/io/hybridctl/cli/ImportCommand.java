package io.hybridctl.cli;

import io.hybridctl.spec.imports.EksctlImport;
import io.hybridctl.spec.imports.ImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Convert another tool's configuration into a HybridCluster spec.",
        subcommands = ImportCommand.Eksctl.class)
final class ImportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "eksctl", mixinStandardHelpOptions = true,
            description = "Turn an eksctl ClusterConfig with remoteNetworkConfig into a HybridCluster spec, keeping everything that maps.")
    static final class Eksctl implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The eksctl ClusterConfig YAML.")
        Path input;

        @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "Write the spec here (must not exist) instead of stdout.")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String text;
            try {
                text = new EksctlImport().convert(input);
            } catch (ImportException e) {
                throw new UserError(2, e.getMessage());
            }
            if (output == null) {
                spec.commandLine().getOut().print(text);
                return 0;
            }
            NewFile.write(output, text, "choose another name");
            spec.commandLine().getOut().println("wrote " + output + "; fill in the TODOs it lists, then: hybridctl validate -f " + output);
            return 0;
        }
    }
}
