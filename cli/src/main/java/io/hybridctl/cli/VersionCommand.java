package io.hybridctl.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "version", description = "Print the hybridctl version (the same as --version).")
final class VersionCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String line : new Main.Version().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }
}
