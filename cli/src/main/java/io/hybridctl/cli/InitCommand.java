package io.hybridctl.cli;

import io.hybridctl.spec.StarterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter spec (to stdout, or to a file that must not exist yet).")
final class InitCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "Write to this file instead of stdout; an existing file is never overwritten.")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = StarterSpec.text();
        if (file == null) {
            spec.commandLine().getOut().print(text);
            return 0;
        }
        NewFile.write(file, text, "hybridctl init never overwrites a spec (choose another name or remove it)");
        spec.commandLine().getOut().println("wrote " + file + "; next: hybridctl validate -f " + file);
        return 0;
    }
}
