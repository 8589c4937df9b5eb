package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.model.HostFacts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the host's facts from /etc, /proc, /sys and the JDK. Overrides let simulated agents share one machine. */
public final class FactsCollector {

    private final String hostnameOverride;
    private final String machineIdOverride;
    private final SimulatedFacts simulated;

    public FactsCollector(String hostnameOverride, String machineIdOverride) {
        this(hostnameOverride, machineIdOverride, null);
    }

    /** @param simulated the machine a simulated agent pretends to be (null: this machine's real facts) */
    public FactsCollector(String hostnameOverride, String machineIdOverride, SimulatedFacts simulated) {
        this.hostnameOverride = hostnameOverride;
        this.machineIdOverride = machineIdOverride;
        this.simulated = simulated;
    }

    public HostFacts collect() {
        if (simulated != null) {
            List<HostFacts.NetInterface> nics = simulated.addresses().isEmpty() ? List.of()
                    : List.of(new HostFacts.NetInterface("sim0", "02:00:00:00:00:01", simulated.addresses()));
            return new HostFacts(hostname(), machineId(), simulated.os(), simulated.osVersion(), System.getProperty("os.version"),
                    simulated.arch(), Runtime.getRuntime().availableProcessors(), memoryBytes(), disks(), nics);
        }
        Map<String, String> osRelease = osRelease();
        return new HostFacts(hostname(), machineId(), osRelease.getOrDefault("ID", System.getProperty("os.name")),
                osRelease.getOrDefault("VERSION_ID", ""), System.getProperty("os.version"), arch(),
                Runtime.getRuntime().availableProcessors(), memoryBytes(), disks(), interfaces());
    }

    private String hostname() {
        if (hostnameOverride != null) {
            return hostnameOverride;
        }
        try {
            String h = Files.readString(Path.of("/etc/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException ignored) {
            // Fall through to the resolver's idea of the name.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String machineId() {
        if (machineIdOverride != null) {
            return machineIdOverride;
        }
        for (String f : List.of("/etc/machine-id", "/var/lib/dbus/machine-id")) {
            try {
                String id = Files.readString(Path.of(f)).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            } catch (IOException ignored) {
                // Try the next location.
            }
        }
        throw new IllegalStateException("no machine-id found in /etc/machine-id; pass --machine-id");
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    private static Map<String, String> osRelease() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            Map<String, String> m = new java.util.HashMap<>();
            lines.filter(l -> l.contains("=")).forEach(l -> {
                int i = l.indexOf('=');
                m.put(l.substring(0, i), l.substring(i + 1).replace("\"", ""));
            });
            return m;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static long memoryBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static List<HostFacts.Disk> disks() {
        List<HostFacts.Disk> out = new ArrayList<>();
        try (Stream<Path> devs = Files.list(Path.of("/sys/block"))) {
            for (Path d : devs.sorted().toList()) {
                String name = d.getFileName().toString();
                if (name.startsWith("loop") || name.startsWith("ram")) {
                    continue;
                }
                try {
                    long sectors = Long.parseLong(Files.readString(d.resolve("size")).trim());
                    out.add(new HostFacts.Disk(name, sectors * 512));
                } catch (IOException | NumberFormatException ignored) {
                    // A device without a readable size is not worth reporting.
                }
            }
        } catch (IOException ignored) {
            // No sysfs (not Linux): no disks reported.
        }
        return out;
    }

    private static List<HostFacts.NetInterface> interfaces() {
        List<HostFacts.NetInterface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isLoopback()) {
                    continue;
                }
                byte[] mac = ni.getHardwareAddress();
                List<String> addrs = ni.inetAddresses().map(a -> a.getHostAddress().replaceAll("%.*$", "")).sorted().toList();
                out.add(new HostFacts.NetInterface(ni.getName(), mac == null ? "" : HexFormat.ofDelimiter(":").formatHex(mac), addrs));
            }
        } catch (SocketException ignored) {
            // No interfaces readable: report none.
        }
        out.sort(java.util.Comparator.comparing(HostFacts.NetInterface::name));
        return out;
    }
}
