package io.hybridctl.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path-compressed binary trie keyed by prefix: longest-prefix match for forwarding tables, and lookups of every
 * stored prefix that contains or lies inside a given one. Each node is a stored prefix or a branching point, never a
 * single bit, so a table of k prefixes has fewer than 2k nodes however long the prefixes are (a bit-per-level trie
 * spent 32 nodes on every host route, which dominated the memory of a 10,000-host model).
 * Not thread-safe while being filled; safe for concurrent readers afterwards.
 */
public final class PrefixTrie<V> {

    private static final class Node<V> {
        final Prefix key;
        boolean stored;
        V value;
        Node<V> zero;
        Node<V> one;

        Node(Prefix key) {
            this.key = key;
        }

        Node<V> child(boolean one) {
            return one ? this.one : zero;
        }

        void setChild(Node<V> child) {
            if (bitAt(child.key.network(), key.length())) {
                one = child;
            } else {
                zero = child;
            }
        }
    }

    private final Node<V> root = new Node<>(new Prefix(0, 0));
    private int size;

    public void put(Prefix prefix, V value) {
        Node<V> node = root;
        while (true) {
            if (node.key.length() == prefix.length()) {
                if (!node.stored) {
                    size++;
                }
                node.stored = true;
                node.value = value;
                return;
            }
            boolean bit = bitAt(prefix.network(), node.key.length());
            Node<V> child = node.child(bit);
            if (child == null) {
                node.setChild(leaf(prefix, value));
                return;
            }
            if (child.key.contains(prefix)) {
                node = child;
                continue;
            }
            Node<V> fresh;
            if (prefix.contains(child.key)) {
                // The new prefix sits between node and child.
                fresh = leaf(prefix, value);
                fresh.setChild(child);
            } else {
                // They part ways below node: a branching point at their longest common prefix.
                fresh = new Node<>(common(prefix, child.key));
                fresh.setChild(child);
                fresh.setChild(leaf(prefix, value));
            }
            node.setChild(fresh);
            return;
        }
    }

    private Node<V> leaf(Prefix prefix, V value) {
        Node<V> n = new Node<>(prefix);
        n.stored = true;
        n.value = value;
        size++;
        return n;
    }

    private static Prefix common(Prefix a, Prefix b) {
        long diff = (a.network() ^ b.network()) & 0xFFFF_FFFFL;
        int length = Math.min(Math.min(a.length(), b.length()), Integer.numberOfLeadingZeros((int) diff));
        long mask = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        return new Prefix(a.network() & mask, length);
    }

    public Optional<V> get(Prefix prefix) {
        Node<V> node = root;
        while (node != null && node.key.contains(prefix)) {
            if (node.key.length() == prefix.length()) {
                return node.stored ? Optional.ofNullable(node.value) : Optional.empty();
            }
            node = node.child(bitAt(prefix.network(), node.key.length()));
        }
        return Optional.empty();
    }

    public int size() {
        return size;
    }

    /** The entry with the longest prefix containing the address. */
    public Optional<Entry<V>> longestMatch(Ipv4Address address) {
        Node<V> node = root;
        Node<V> best = null;
        long a = address.value();
        while (node != null && node.key.contains(address)) {
            if (node.stored) {
                best = node;
            }
            if (node.key.length() == 32) {
                break;
            }
            node = node.child(bitAt(a, node.key.length()));
        }
        return best == null ? Optional.empty() : Optional.of(new Entry<>(best.key, best.value));
    }

    /**
     * Every stored entry whose prefix overlaps the given prefix: its ancestors (shortest first), itself, then all below
     * it in pre-order (the zero side before the one side).
     */
    public List<Entry<V>> overlapping(Prefix prefix) {
        List<Entry<V>> out = new ArrayList<>();
        Node<V> node = root;
        while (node != null) {
            if (node.key.contains(prefix)) {
                if (node.stored) {
                    out.add(new Entry<>(node.key, node.value));
                }
                if (node.key.length() == prefix.length()) {
                    collectBelow(node, out);
                    return out;
                }
                node = node.child(bitAt(prefix.network(), node.key.length()));
            } else {
                if (prefix.contains(node.key)) {
                    collect(node, out);
                }
                return out;
            }
        }
        return out;
    }

    private void collect(Node<V> node, List<Entry<V>> out) {
        if (node.stored) {
            out.add(new Entry<>(node.key, node.value));
        }
        collectBelow(node, out);
    }

    private void collectBelow(Node<V> node, List<Entry<V>> out) {
        if (node.zero != null) {
            collect(node.zero, out);
        }
        if (node.one != null) {
            collect(node.one, out);
        }
    }

    private static boolean bitAt(long value, int bit) {
        return ((value >>> (31 - bit)) & 1L) == 1L;
    }

    public record Entry<V>(Prefix prefix, V value) {
    }
}
