package io.hybridctl.lab.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.LabName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves the lab is sealed: every link of every lab namespace is a loopback, a bridge, or a veth whose peer lives
 * in another namespace of the same lab; no lab namespace has a default route. The machine's own namespace is
 * compared before and after by {@link RootSnapshot}.
 */
public final class SafetyAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NSID = Pattern.compile("nsid (\\d+) \\(iproute2 netns name: ([^)]+)\\)");
    private final Shell shell;

    public SafetyAudit(Shell shell) {
        this.shell = shell;
    }

    /** Violations, each a sentence naming the namespace and link; empty when the lab is sealed. */
    public List<String> violations(LabName lab) {
        List<String> problems = new ArrayList<>();
        List<String> namespaces = new Namespaces(shell).withPrefix(lab.prefix());
        for (String ns : namespaces) {
            Map<Integer, String> peers = peerNamespaces(ns);
            for (JsonNode link : json(List.of("ip", "-n", ns, "-j", "-d", "link", "show"))) {
                String name = link.path("ifname").asText();
                String kind = link.path("linkinfo").path("info_kind").asText("");
                if (name.equals("lo") || kind.equals("bridge")) {
                    continue;
                }
                if (!kind.equals("veth")) {
                    problems.add(ns + ": link " + name + " is a " + (kind.isEmpty() ? "physical or unknown" : kind) + " device");
                    continue;
                }
                if (!link.has("link_netnsid")) {
                    problems.add(ns + ": veth " + name + " has its peer in the same namespace or nowhere");
                    continue;
                }
                String peer = peers.get(link.path("link_netnsid").asInt());
                if (peer == null || !lab.owns(peer)) {
                    problems.add(ns + ": veth " + name + " has its peer outside the lab (" + (peer == null ? "unnamed namespace, e.g. the machine's own" : peer) + ")");
                }
            }
            for (JsonNode route : json(List.of("ip", "-n", ns, "-j", "route", "show", "default"))) {
                problems.add(ns + ": has a default route via " + route.path("gateway").asText(route.path("dev").asText()));
            }
        }
        return problems;
    }

    private Map<Integer, String> peerNamespaces(String ns) {
        Map<Integer, String> ids = new HashMap<>();
        Shell.Result result = shell.tryRun(List.of("ip", "-n", ns, "netns", "list-id"));
        Matcher m = NSID.matcher(result.output());
        while (m.find()) {
            ids.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return ids;
    }

    private JsonNode json(List<String> command) {
        Shell.Result result = shell.tryRun(command);
        try {
            return result.ok() && !result.output().isBlank() ? JSON.readTree(result.output()) : JSON.createArrayNode();
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }

    /** The machine's own namespace: its links, routes and nftables ruleset, to compare before and after a lab. */
    public record RootSnapshot(String links, String routes, String ruleset) {
        public static RootSnapshot take(Shell shell) {
            return new RootSnapshot(
                    String.join(",", shell.tryRun(List.of("ip", "-o", "link", "show")).output().lines()
                            .map(l -> l.split(":")[1].trim()).sorted().toList()),
                    shell.tryRun(List.of("ip", "route", "show", "table", "all")).output(),
                    shell.tryRun(List.of("nft", "list", "ruleset")).output());
        }
    }
}
