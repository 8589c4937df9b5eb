package io.hybridctl.lab.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The faults in force, one per line in the lab's state directory, so `lab fault --restore` can run later. */
public final class ActiveFaults {

    private final Path file;

    public ActiveFaults(Path stateDir) {
        this.file = stateDir.resolve("faults");
    }

    public List<Fault> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Fault> faults = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    faults.add(decode(line));
                }
            }
            return faults;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(Fault fault) {
        List<String> lines = new ArrayList<>(read().stream().map(ActiveFaults::encode).toList());
        lines.add(encode(fault));
        write(lines);
    }

    public void clear() {
        write(List.of());
    }

    private void write(List<String> lines) {
        try {
            Path tmp = file.resolveSibling("faults.tmp");
            Files.write(tmp, lines);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(Fault fault) {
        return switch (fault) {
            case Fault.StopSpeaker f -> "speaker\t" + f.host();
            case Fault.CutVpn f -> "vpn\t" + f.site() + "\t" + f.firstHost();
            case Fault.DropFirewallRule f -> "firewall\t" + f.site() + "\t" + f.match() + "\t" + f.victim();
            case Fault.RemoveStaticRoute f -> "static-route\t" + f.host();
            case Fault.SiteDown f -> "site\t" + f.site() + "\t" + f.firstHost();
        };
    }

    static Fault decode(String line) {
        String[] f = line.split("\t");
        return switch (f[0]) {
            case "speaker" -> new Fault.StopSpeaker(f[1]);
            case "vpn" -> new Fault.CutVpn(f[1], f[2]);
            case "firewall" -> new Fault.DropFirewallRule(f[1], f[2], f[3]);
            case "static-route" -> new Fault.RemoveStaticRoute(f[1]);
            case "site" -> new Fault.SiteDown(f[1], f[2]);
            default -> throw new IllegalArgumentException("unknown fault record: " + line);
        };
    }
}
