package io.hybridctl.cli;

import io.hybridctl.spec.schema.JsonSchemaWriter;
import io.hybridctl.spec.schema.SpecReferenceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of the HybridCluster spec, for editors.",
                "With yaml-language-server, put `# yaml-language-server: $schema=hybridcluster.schema.json` at the top of a spec."})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the field reference (docs/spec.md) instead.")
    boolean markdown;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(markdown ? new SpecReferenceWriter().render() : new JsonSchemaWriter().render());
        return 0;
    }
}
