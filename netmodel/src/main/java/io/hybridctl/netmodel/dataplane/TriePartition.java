package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixTrie;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits an address range into runs that share one longest-prefix match. This is what lets the analyser follow a
 * whole set of destinations at once: a forwarding table with k entries cuts any range into at most 2k+1 runs.
 */
public final class TriePartition {

    private TriePartition() {
    }

    public static <V> List<Piece<V>> of(PrefixTrie<V> trie, long first, long last) {
        List<Piece<V>> out = new ArrayList<>();
        for (Prefix aligned : new AddressRange(Ipv4Address.of(first), Ipv4Address.of(last)).toPrefixes()) {
            carve(trie, aligned, out);
        }
        return out;
    }

    private static <V> void carve(PrefixTrie<V> trie, Prefix p, List<Piece<V>> out) {
        List<PrefixTrie.Entry<V>> entries = trie.overlapping(p);
        V base = null;
        int start = 0;
        // Entries come ancestors first (shortest to longest), then p's subtree in pre-order.
        while (start < entries.size() && entries.get(start).prefix().contains(p)) {
            base = entries.get(start).value();
            start++;
        }
        Deque<long[]> ends = new ArrayDeque<>();
        Deque<V> values = new ArrayDeque<>();
        ends.push(new long[] {p.lastValue()});
        values.push(box(base));
        long cursor = p.network();
        for (int i = start; i < entries.size(); i++) {
            Prefix d = entries.get(i).prefix();
            while (ends.peek()[0] < d.network()) {
                cursor = emit(out, cursor, ends.peek()[0], unbox(values.peek()));
                ends.pop();
                values.pop();
            }
            if (cursor < d.network()) {
                cursor = emit(out, cursor, d.network() - 1, unbox(values.peek()));
            }
            ends.push(new long[] {d.lastValue()});
            values.push(box(entries.get(i).value()));
        }
        while (!ends.isEmpty()) {
            long end = ends.pop()[0];
            V v = unbox(values.pop());
            if (cursor <= end) {
                cursor = emit(out, cursor, end, v);
            }
        }
    }

    private static <V> long emit(List<Piece<V>> out, long first, long last, V value) {
        if (first > last) {
            return first;
        }
        if (!out.isEmpty()) {
            Piece<V> prev = out.get(out.size() - 1);
            if (prev.last() + 1 == first && prev.value() == value) {
                out.set(out.size() - 1, new Piece<>(prev.first(), last, value));
                return last + 1;
            }
        }
        out.add(new Piece<>(first, last, value));
        return last + 1;
    }

    private static final Object NONE = new Object();

    @SuppressWarnings("unchecked")
    private static <V> V box(V v) {
        return v == null ? (V) NONE : v;
    }

    private static <V> V unbox(V v) {
        return v == NONE ? null : v;
    }
}
