package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.host.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The machine's named network namespaces (iproute2 keeps them as files under /run/netns). */
public final class Namespaces {

    private static final Path NETNS_DIR = Path.of("/run/netns");
    private final Shell shell;

    public Namespaces(Shell shell) {
        this.shell = shell;
    }

    public List<String> withPrefix(String prefix) {
        if (!Files.isDirectory(NETNS_DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(NETNS_DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public boolean exists(String name) {
        return Files.exists(NETNS_DIR.resolve(name));
    }

    /** PIDs of the processes whose network namespace is this one. */
    public List<Long> pids(String name) {
        Shell.Result result = shell.tryRun(List.of("ip", "netns", "pids", name));
        List<Long> pids = new ArrayList<>();
        if (result.ok()) {
            for (String line : result.output().split("\\s+")) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        }
        return pids;
    }
}
