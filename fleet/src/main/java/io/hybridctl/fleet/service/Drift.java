package io.hybridctl.fleet.service;

import io.hybridctl.fleet.bootstrap.ClusterDesign;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Design against reality: how a registered host differs from its entry in the cluster's spec. A fact the agent does
 * not report (a simulated agent without --sim-facts) is not compared; everything it reports is.
 */
public final class Drift {

    /** One difference. {@code kind}: unknown, name, site, os, os-version, arch or address. */
    public record Condition(String kind, String message) {
    }

    private Drift() {
    }

    /** The spec host a registered host name stands for: the same name, or the same name in other letter case. */
    public static Optional<Host> specHost(ClusterDesign design, String hostname) {
        return design.host(hostname).or(() -> design.spec().hosts().filter(h -> h.name().equalsIgnoreCase(hostname)).findFirst());
    }

    /** @param poolName the pool the host is in, or null when it is in none yet */
    public static List<Condition> of(ClusterDesign design, String clusterName, String hostname, String poolName, HostFacts facts) {
        List<Condition> out = new ArrayList<>();
        Optional<Host> match = specHost(design, hostname);
        if (match.isEmpty()) {
            out.add(new Condition("unknown", hostname + " is not in the spec of cluster " + clusterName
                    + "; add it to a site's hosts and import the spec again, or remove the host"));
            return out;
        }
        Host want = match.get();
        Site site = design.site(want);
        if (!want.name().equals(hostname)) {
            out.add(new Condition("name", "registered as " + hostname + "; the spec calls it " + want.name()
                    + " (the node name is the spec's): rename the host"));
        }
        if (poolName != null && !poolName.equals(want.site())) {
            out.add(new Condition("site", "in pool " + poolName + "; the spec puts it in site " + want.site()
                    + ": register it with a token of pool " + want.site()));
        }
        if (reported(facts.os()) && !osId(facts.os()).equals(want.os().id())) {
            out.add(new Condition("os", "runs " + facts.os() + "; the spec says " + want.os().id()));
        }
        if (reported(facts.osVersion()) && !facts.osVersion().trim().equals(want.osVersion())) {
            out.add(new Condition("os-version", "runs " + facts.os() + " " + facts.osVersion() + "; the spec says "
                    + want.os().id() + " " + want.osVersion()));
        }
        String arch = want.arch().name().toLowerCase(Locale.ROOT);
        if (reported(facts.arch()) && !archId(facts.arch()).equals(arch)) {
            out.add(new Condition("arch", "is " + facts.arch() + "; the spec says " + arch + " (nodeadm and its binaries are per architecture)"));
        }
        List<String> addresses = facts.interfaces().stream().flatMap(i -> i.addresses().stream()).map(a -> a.replaceAll("/.*$", "")).toList();
        if (!addresses.isEmpty() && !addresses.contains(want.address().toString())) {
            List<String> inside = addresses.stream().filter(a -> inside(site, a)).toList();
            out.add(new Condition("address", "has " + String.join(", ", ipv4(addresses)) + "; the spec puts it at " + want.address()
                    + (inside.isEmpty() ? ", and none of its addresses is inside site " + site.name() + "'s node networks "
                    + site.nodeNetworks().stream().map(Object::toString).collect(Collectors.joining(", ")) : "")));
        }
        return out;
    }

    private static boolean reported(String fact) {
        return fact != null && !fact.isBlank();
    }

    // /etc/os-release IDs for the spec's operating systems.
    private static String osId(String os) {
        String id = os.trim().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "amzn" -> "al2023";
            default -> id;
        };
    }

    private static String archId(String arch) {
        String a = arch.trim().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> a;
        };
    }

    private static List<String> ipv4(List<String> addresses) {
        List<String> v4 = addresses.stream().filter(a -> !a.contains(":")).toList();
        return v4.isEmpty() ? addresses : v4;
    }

    private static boolean inside(Site site, String address) {
        try {
            Ipv4Address a = Ipv4Address.parse(address);
            return site.nodeNetworks().stream().anyMatch(p -> p.contains(a));
        } catch (AddressFormatException e) {
            return false;
        }
    }
}
