package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.FilterKind;
import io.hybridctl.netmodel.filter.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * `nft -j list ruleset` (libnftables JSON): the base chains of one hook, as ordered filters. Matches on addresses,
 * protocol and ports are understood; a rule using anything else (interfaces, marks, negation, jumps) cannot be
 * evaluated and is left out with a note, never guessed. `ct state established` rules match only replies, which the
 * model already lets through stateful filters.
 */
final class NftRuleset {

    record Parsed(List<Filter> filters, List<String> notes) {
    }

    private record Match(Optional<PrefixSet> src, Optional<PrefixSet> dst, Set<Protocol> protocols, List<PortRange> dports,
                         boolean repliesOnly) {
    }

    private NftRuleset() {
    }

    static Parsed parse(Path file, String hook, FilterKind kind) throws ObservedStateException {
        JsonNode root = Json.read(file);
        JsonNode items = Json.require(root, "nftables", file);
        List<JsonNode> chains = new ArrayList<>();
        for (JsonNode i : items) {
            if (i.has("chain") && hook.equals(i.get("chain").path("hook").asText())) {
                chains.add(i.get("chain"));
            }
        }
        chains.sort((a, b) -> Integer.compare(a.path("prio").asInt(), b.path("prio").asInt()));
        List<Filter> filters = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode chain : chains) {
            String table = chain.path("table").asText();
            String name = chain.path("name").asText();
            String family = chain.path("family").asText();
            List<Rule> rules = new ArrayList<>();
            for (JsonNode i : items) {
                JsonNode r = i.get("rule");
                if (r == null || !table.equals(r.path("table").asText()) || !name.equals(r.path("chain").asText())
                        || !family.equals(r.path("family").asText())) {
                    continue;
                }
                rule(file, r, rules, notes);
            }
            Action policy = "drop".equals(chain.path("policy").asText("accept")) ? Action.DENY : Action.PERMIT;
            filters.add(new Filter("nft " + family + " " + table + " " + name, kind, rules, policy,
                    Provenance.observed(file.toString(), "chain " + family + " " + table + " " + name + " policy " + chain.path("policy").asText("accept"))));
        }
        return new Parsed(filters, notes);
    }

    private static void rule(Path file, JsonNode r, List<Rule> rules, List<String> notes) throws ObservedStateException {
        String handle = "handle " + r.path("handle").asText("?");
        Optional<PrefixSet> src = Optional.empty();
        Optional<PrefixSet> dst = Optional.empty();
        Set<Protocol> protocols = Set.of();
        List<PortRange> dports = List.of(PortRange.ALL);
        boolean repliesOnly = false;
        Action action = null;
        for (JsonNode e : r.path("expr")) {
            if (e.has("accept")) {
                action = Action.PERMIT;
            } else if (e.has("drop") || e.has("reject")) {
                action = Action.DENY;
            } else if (e.has("counter") || e.has("log") || e.has("limit") || e.has("comment")) {
                continue;
            } else if (e.has("match")) {
                JsonNode m = e.get("match");
                String op = m.path("op").asText("==");
                if (!op.equals("==") && !op.equals("in")) {
                    notes.add(file + " " + handle + ": operator '" + op + "' is not evaluated; rule left out");
                    return;
                }
                JsonNode left = m.path("left");
                JsonNode right = m.path("right");
                if (left.has("payload")) {
                    String field = left.get("payload").path("field").asText();
                    String proto = left.get("payload").path("protocol").asText();
                    switch (field) {
                        case "saddr" -> src = Optional.of(addresses(right, file));
                        case "daddr" -> dst = Optional.of(addresses(right, file));
                        case "dport" -> {
                            dports = ports(right);
                            protocols = Set.of(proto.equals("udp") ? Protocol.UDP : Protocol.TCP);
                        }
                        default -> {
                            notes.add(file + " " + handle + ": match on " + proto + " " + field + " is not evaluated; rule left out");
                            return;
                        }
                    }
                } else if (left.has("meta") && "l4proto".equals(left.get("meta").path("key").asText())) {
                    protocols = protocolSet(right);
                } else if (left.has("ct") && "state".equals(left.get("ct").path("key").asText())) {
                    String states = right.toString();
                    repliesOnly = states.contains("established") && !states.contains("new");
                } else if (left.has("meta") && left.get("meta").path("key").asText().startsWith("iif")) {
                    if (right.asText().equals("lo")) {
                        return; // loopback traffic never comes from the network
                    }
                    notes.add(file + " " + handle + ": match on the input interface is not evaluated; rule left out");
                    return;
                } else {
                    notes.add(file + " " + handle + ": match " + left + " is not evaluated; rule left out");
                    return;
                }
            } else {
                notes.add(file + " " + handle + ": statement " + e.fieldNames().next() + " is not evaluated; rule left out");
                return;
            }
        }
        if (action == null || repliesOnly) {
            return;
        }
        Provenance p = Provenance.observed(file.toString(), handle);
        for (PortRange ports : dports) {
            rules.add(new Rule(handle, action, src, dst, protocols, ports, PortRange.ALL, p));
        }
    }

    private static PrefixSet addresses(JsonNode right, Path file) throws ObservedStateException {
        List<AddressRange> out = new ArrayList<>();
        if (right.has("set")) {
            for (JsonNode x : right.get("set")) {
                out.add(address(x, file));
            }
        } else {
            out.add(address(right, file));
        }
        return PrefixSet.ofRanges(out);
    }

    private static AddressRange address(JsonNode x, Path file) throws ObservedStateException {
        if (x.has("prefix")) {
            return Prefix.containing(Json.address(x.get("prefix").path("addr").asText(), file), x.get("prefix").path("len").asInt()).toRange();
        }
        if (x.has("range")) {
            return new AddressRange(Json.address(x.get("range").get(0).asText(), file), Json.address(x.get("range").get(1).asText(), file));
        }
        var a = Json.address(x.asText(), file);
        return new AddressRange(a, a);
    }

    private static List<PortRange> ports(JsonNode right) {
        List<PortRange> out = new ArrayList<>();
        if (right.has("set")) {
            for (JsonNode x : right.get("set")) {
                out.add(port(x));
            }
        } else {
            out.add(port(right));
        }
        return out;
    }

    private static PortRange port(JsonNode x) {
        if (x.has("range")) {
            return new PortRange(x.get("range").get(0).asInt(), x.get("range").get(1).asInt());
        }
        return PortRange.of(x.asInt());
    }

    private static Set<Protocol> protocolSet(JsonNode right) {
        List<Protocol> out = new ArrayList<>();
        for (JsonNode x : right.has("set") ? right.get("set") : List.of(right)) {
            switch (x.asText()) {
                case "tcp" -> out.add(Protocol.TCP);
                case "udp" -> out.add(Protocol.UDP);
                case "icmp" -> out.add(Protocol.ICMP);
                default -> {
                }
            }
        }
        return Set.copyOf(out);
    }
}
