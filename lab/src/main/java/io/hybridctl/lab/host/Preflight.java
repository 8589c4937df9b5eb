package io.hybridctl.lab.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks, before anything is created, that the lab can run here: root, and every daemon it will start. */
public final class Preflight {

    /** A program the lab runs and the Debian package that ships it. */
    public record Tool(String path, String debianPackage, String purpose) {
    }

    public static final Tool IP = new Tool("/usr/sbin/ip", "iproute2", "namespaces, links and routes");
    public static final Tool NFT = new Tool("/usr/sbin/nft", "nftables", "the on-prem firewall and pod masquerading");
    public static final Tool ZEBRA = new Tool("/usr/lib/frr/zebra", "frr", "the site router (FRR zebra)");
    public static final Tool BGPD = new Tool("/usr/lib/frr/bgpd", "frr", "the site router's BGP daemon");
    public static final Tool STATICD = new Tool("/usr/lib/frr/staticd", "frr", "the site router's static routes");
    public static final Tool VTYSH = new Tool("/usr/bin/vtysh", "frr", "loading frr.conf and reading router state");
    public static final Tool GOBGPD = new Tool("/usr/bin/gobgpd", "gobgpd", "the node BGP speaker (the CNI's GoBGP)");
    public static final Tool GOBGP = new Tool("/usr/bin/gobgp", "gobgpd", "announcing the node's pod block");
    public static final Tool SETSID = new Tool("/usr/bin/setsid", "util-linux", "detaching lab daemons");

    private final Path root;
    private final boolean runningAsRoot;

    public Preflight(Path root, boolean runningAsRoot) {
        this.root = root;
        this.runningAsRoot = runningAsRoot;
    }

    /** The machine as it is: effective uid read from /proc, tools looked up under /. */
    public static Preflight ofThisMachine() {
        return new Preflight(Path.of("/"), isRoot());
    }

    /** Problems, each a sentence that says what to do; empty when the lab can run. */
    public List<String> problems(List<Tool> tools) {
        List<String> problems = new ArrayList<>();
        if (!runningAsRoot) {
            problems.add("the lab creates network namespaces and must run as root: run it with sudo "
                    + "(it only touches namespaces named hl-<lab>-*, never the machine's own network)");
        }
        List<String> missingPackages = new ArrayList<>();
        for (Tool tool : tools) {
            Path path = root.resolve(tool.path().substring(1));
            if (!Files.isExecutable(path)) {
                problems.add(tool.path() + " is missing (" + tool.purpose() + "): install the Debian package "
                        + tool.debianPackage());
                if (!missingPackages.contains(tool.debianPackage())) {
                    missingPackages.add(tool.debianPackage());
                }
            }
        }
        if (!missingPackages.isEmpty()) {
            problems.add("fix: apt-get install -y " + String.join(" ", missingPackages));
        }
        return problems;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] fields = line.split("\\s+");
                    return "0".equals(fields[2]);
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }
}
