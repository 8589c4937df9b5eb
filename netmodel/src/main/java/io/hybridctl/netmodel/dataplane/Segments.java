package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixTrie;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layer 2: which node answers for an address on a segment (ARP). A node answers for its interface address and for
 * every address it accepts locally (a pod block behind a veth, a MetalLB address on the LAN).
 */
public final class Segments {

    /** A node attached to a segment through one of its interfaces. */
    public record Attachment(int node, String iface) {
    }

    private final Map<String, PrefixTrie<Attachment>> owners = new HashMap<>();
    private final Map<String, List<Attachment>> members = new HashMap<>();
    private final Map<String, RegionIndex<Attachment>> indexes = new java.util.concurrent.ConcurrentHashMap<>(); // analyser threads share it

    Segments(Network network) {
        for (int n = 0; n < network.size(); n++) {
            Node node = network.node(n);
            for (Interface i : node.interfaces()) {
                Attachment a = new Attachment(n, i.name());
                members.computeIfAbsent(i.segment(), s -> new ArrayList<>()).add(a);
                PrefixTrie<Attachment> trie = owners.computeIfAbsent(i.segment(), s -> new PrefixTrie<>());
                putIfAbsent(trie, Prefix.containing(i.address(), 32), a);
                for (Route r : node.local()) {
                    putIfAbsent(trie, r.prefix(), a);
                }
            }
        }
    }

    private static void putIfAbsent(PrefixTrie<Attachment> trie, Prefix p, Attachment a) {
        if (trie.get(p).isEmpty()) {
            trie.put(p, a);
        }
    }

    public List<Attachment> members(String segment) {
        return members.getOrDefault(segment, List.of());
    }

    public Optional<Attachment> owner(String segment, Ipv4Address address) {
        PrefixTrie<Attachment> trie = owners.get(segment);
        return trie == null ? Optional.empty() : trie.longestMatch(address).map(PrefixTrie.Entry::value);
    }

    /** Who answers where on the segment, as sorted runs over the address space; computed once per segment. */
    public RegionIndex<Attachment> index(String segment) {
        return indexes.computeIfAbsent(segment, s -> {
            PrefixTrie<Attachment> trie = owners.get(s);
            return new RegionIndex<>(trie == null ? List.of() : TriePartition.of(trie, 0, 0xFFFF_FFFFL));
        });
    }

    /** The far end of a two-member segment, else empty. */
    public Optional<Attachment> peer(String segment, int self) {
        List<Attachment> m = members(segment);
        if (m.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(m.get(0).node() == self ? m.get(1) : m.get(0));
    }
}
