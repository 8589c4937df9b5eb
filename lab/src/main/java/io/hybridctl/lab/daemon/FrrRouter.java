package io.hybridctl.lab.daemon;

import io.hybridctl.lab.host.CommandFailedException;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.lifecycle.LabProcess;
import io.hybridctl.lab.lifecycle.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * FRR in a router namespace: zebra, bgpd and staticd started by hand (no watchfrr, no systemd), each with its pid
 * file, vty socket and zebra socket in the router's own directory, then the integrated frr.conf applied with
 * `vtysh -b` exactly as FRR's own init does.
 */
public final class FrrRouter {

    public static final List<String> DAEMONS = List.of("zebra", "bgpd", "staticd");
    private final Shell shell;
    private final String namespace;
    private final Path dir;

    public FrrRouter(Shell shell, String namespace, Path dir) {
        this.shell = shell;
        this.namespace = namespace;
        this.dir = dir;
    }

    public Path configFile() {
        return dir.resolve("frr.conf");
    }

    /** Starts the daemons and loads the configuration; returns the daemons' processes. */
    public List<LabProcess> start(String frrConf) {
        try {
            Files.writeString(configFile(), frrConf);
            Files.writeString(dir.resolve("vtysh.conf"), "service integrated-vtysh-config\n");
            handToFrr(dir);
            handToFrr(configFile());
            handToFrr(dir.resolve("vtysh.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LabProcess> started = new ArrayList<>();
        for (String daemon : DAEMONS) {
            Path pidFile = dir.resolve(daemon + ".pid");
            shell.run(List.of("ip", "netns", "exec", namespace, "/usr/lib/frr/" + daemon, "-d",
                    "-i", pidFile.toString(), "--vty_socket", dir.toString(), "-z", dir.resolve("zserv.api").toString(),
                    "-u", "frr", "-g", "frr", "-P", "0", "--log", "file:" + dir.resolve(daemon + ".log")));
            started.add(Processes.describe(readPid(pidFile), namespace, "frr-" + daemon));
        }
        Shell.Result boot = vtysh(List.of("-b"));
        if (!boot.ok() && boot.output().contains("% ")) {
            throw new CommandFailedException(List.of("vtysh", "-b", configFile().toString()), boot.exitCode(),
                    "FRR rejected the generated frr.conf: " + boot.output().strip());
        }
        return started;
    }

    /** A vtysh command against this router's daemons, e.g. {@code show bgp summary json}. */
    public String show(String command) {
        return shell.run(vtyshCommand(List.of("-c", command)));
    }

    public Shell.Result configure(List<String> lines) {
        List<String> args = new ArrayList<>(List.of("-c", "configure terminal"));
        for (String line : lines) {
            args.add("-c");
            args.add(line);
        }
        return vtysh(args);
    }

    private Shell.Result vtysh(List<String> args) {
        return shell.tryRun(vtyshCommand(args));
    }

    private List<String> vtyshCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "vtysh",
                "--vty_socket", dir.toString(), "--config_dir", dir.toString()));
        command.addAll(args);
        return command;
    }

    private long readPid(Path pidFile) {
        for (int i = 0; i < 100; i++) {
            try {
                if (Files.exists(pidFile)) {
                    String text = Files.readString(pidFile).trim();
                    if (!text.isEmpty()) {
                        return Long.parseLong(text);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Being written; try again.
            }
            sleep();
        }
        throw new CommandFailedException(List.of(pidFile.toString()), 1, "FRR daemon did not write its pid file; see "
                + pidFile.resolveSibling(pidFile.getFileName().toString().replace(".pid", ".log")));
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void handToFrr(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal frr = users.lookupPrincipalByName("frr");
        GroupPrincipal group = users.lookupPrincipalByGroupName("frr");
        Files.setOwner(path, frr);
        Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
    }
}
