package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.PrefixSet;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A longest-match table flattened into sorted runs over the whole address space, so that cutting a destination set
 * by it costs a binary search per run of the set plus the pieces it touches: linear in set and table together, where
 * intersecting the set with every entry's region would be their product.
 */
public final class RegionIndex<V> {

    /** The addresses of a set that map to one value (null: no piece covers them). */
    public record Part<V>(V value, PrefixSet set) {
    }

    private final long[] firsts;
    private final long[] lasts;
    private final List<V> values;

    RegionIndex(List<Piece<V>> pieces) {
        firsts = new long[pieces.size()];
        lasts = new long[pieces.size()];
        values = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece<V> p = pieces.get(i);
            firsts[i] = p.first();
            lasts[i] = p.last();
            values.add(p.value());
        }
    }

    /**
     * The set cut into parts that share a value (key null: addresses no piece covers), in address order of first sight.
     * Values are told apart by identity: each is one table entry or one attachment.
     */
    public List<Part<V>> split(PrefixSet set) {
        int runs = set.runCount();
        if (runs == 0) {
            return List.of();
        }
        Part<V> whole = wholeSet(set);
        if (whole != null) {
            return List.of(whole);
        }
        Map<V, PrefixSet.Runs> parts = new IdentityHashMap<>();
        List<V> order = new ArrayList<>();
        V lastValue = null;
        PrefixSet.Runs lastRuns = null;
        int k = 0;
        for (int i = 0; i < runs; i++) {
            long first = set.runFirst(i);
            long last = set.runLast(i);
            if (k >= firsts.length || lasts[k] < first) {
                k = pieceAtOrAfter(first, k);
            }
            long cursor = first;
            while (cursor <= last) {
                V value;
                long stop;
                boolean gap = k >= firsts.length || firsts[k] > cursor;
                if (gap) {
                    value = null;
                    stop = k >= firsts.length ? last : Math.min(last, firsts[k] - 1);
                } else {
                    value = values.get(k);
                    stop = Math.min(last, lasts[k]);
                }
                // Neighbouring runs of a set mostly take the same route: look the value up only when it changes.
                if (lastRuns == null || value != lastValue) {
                    lastRuns = runsOf(parts, order, value);
                    lastValue = value;
                }
                lastRuns.addMerging(cursor, stop);
                cursor = stop + 1;
                if (!gap && stop == lasts[k]) {
                    k++;
                }
            }
        }
        List<Part<V>> out = new ArrayList<>(order.size());
        for (V v : order) {
            out.add(new Part<>(v, parts.get(v).toSet()));
        }
        return out;
    }

    private static <V> PrefixSet.Runs runsOf(Map<V, PrefixSet.Runs> parts, List<V> order, V value) {
        PrefixSet.Runs r = parts.get(value);
        if (r == null) {
            r = new PrefixSet.Runs(4);
            parts.put(value, r);
            order.add(value);
        }
        return r;
    }

    /**
     * The common case on a path: every run of the set lies inside pieces of one value (a host sends everything to its
     * default gateway), so the set goes on whole, as the same object, with nothing allocated. Null otherwise.
     */
    private Part<V> wholeSet(PrefixSet set) {
        int runs = set.runCount();
        int k = pieceAtOrAfter(set.runFirst(0), 0);
        if (k >= firsts.length || firsts[k] > set.runFirst(0)) {
            return null;
        }
        V value = values.get(k);
        for (int i = 0; i < runs; i++) {
            long first = set.runFirst(i);
            long last = set.runLast(i);
            if (lasts[k] < first) {
                k = pieceAtOrAfter(first, k);
                if (k >= firsts.length || firsts[k] > first || values.get(k) != value) {
                    return null;
                }
            }
            // Adjacent pieces never share a value (the partition merges them), so a run must fit in one piece.
            if (last > lasts[k]) {
                return null;
            }
        }
        return new Part<>(value, set);
    }

    /** Index of the first piece whose last address is at or after `address`, searching from `from`. */
    private int pieceAtOrAfter(long address, int from) {
        int lo = from;
        int hi = firsts.length - 1;
        int found = firsts.length;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lasts[mid] >= address) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }
}
