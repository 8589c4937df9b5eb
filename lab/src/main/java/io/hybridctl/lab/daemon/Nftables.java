package io.hybridctl.lab.daemon;

import io.hybridctl.lab.host.Shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads an nftables ruleset into one lab namespace; each namespace has its own ruleset, the machine's is untouched. */
public final class Nftables {

    private final Shell shell;

    public Nftables(Shell shell) {
        this.shell = shell;
    }

    public void load(String namespace, Path file, String ruleset) {
        try {
            Files.writeString(file, ruleset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shell.run(List.of("ip", "netns", "exec", namespace, "nft", "-f", file.toString()));
    }

    public String list(String namespace) {
        return shell.run(List.of("ip", "netns", "exec", namespace, "nft", "list", "ruleset"));
    }

    public Shell.Result run(String namespace, List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace, "nft"));
        command.addAll(args);
        return shell.tryRun(command);
    }
}
