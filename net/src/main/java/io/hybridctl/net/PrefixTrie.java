package io.hybridctl.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A binary trie keyed by prefix: longest-prefix match for forwarding tables, and lookups of every stored prefix that
 * contains or lies inside a given one. Not thread-safe while being filled.
 */
public final class PrefixTrie<V> {

    private static final class Node<V> {
        Node<V> zero;
        Node<V> one;
        Prefix prefix;
        V value;
    }

    private final Node<V> root = new Node<>();
    private int size;

    public void put(Prefix prefix, V value) {
        Node<V> node = root;
        for (int bit = 0; bit < prefix.length(); bit++) {
            boolean one = bitAt(prefix.network(), bit);
            Node<V> next = one ? node.one : node.zero;
            if (next == null) {
                next = new Node<>();
                if (one) {
                    node.one = next;
                } else {
                    node.zero = next;
                }
            }
            node = next;
        }
        if (node.prefix == null) {
            size++;
        }
        node.prefix = prefix;
        node.value = value;
    }

    public Optional<V> get(Prefix prefix) {
        Node<V> node = find(prefix);
        return node == null || node.prefix == null ? Optional.empty() : Optional.ofNullable(node.value);
    }

    public int size() {
        return size;
    }

    /** The entry with the longest prefix containing the address. */
    public Optional<Entry<V>> longestMatch(Ipv4Address address) {
        Node<V> node = root;
        Entry<V> best = root.prefix != null ? new Entry<>(root.prefix, root.value) : null;
        for (int bit = 0; bit < 32 && node != null; bit++) {
            node = bitAt(address.value(), bit) ? node.one : node.zero;
            if (node != null && node.prefix != null) {
                best = new Entry<>(node.prefix, node.value);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every stored entry whose prefix overlaps the given prefix: its ancestors, itself, and all below it. */
    public List<Entry<V>> overlapping(Prefix prefix) {
        List<Entry<V>> out = new ArrayList<>();
        Node<V> node = root;
        for (int bit = 0; bit < prefix.length() && node != null; bit++) {
            if (node.prefix != null) {
                out.add(new Entry<>(node.prefix, node.value));
            }
            node = bitAt(prefix.network(), bit) ? node.one : node.zero;
        }
        if (node != null) {
            collect(node, out);
        }
        return out;
    }

    private void collect(Node<V> node, List<Entry<V>> out) {
        if (node.prefix != null) {
            out.add(new Entry<>(node.prefix, node.value));
        }
        if (node.zero != null) {
            collect(node.zero, out);
        }
        if (node.one != null) {
            collect(node.one, out);
        }
    }

    private Node<V> find(Prefix prefix) {
        Node<V> node = root;
        for (int bit = 0; bit < prefix.length() && node != null; bit++) {
            node = bitAt(prefix.network(), bit) ? node.one : node.zero;
        }
        return node;
    }

    private static boolean bitAt(long value, int bit) {
        return ((value >>> (31 - bit)) & 1L) == 1L;
    }

    public record Entry<V>(Prefix prefix, V value) {
    }
}
