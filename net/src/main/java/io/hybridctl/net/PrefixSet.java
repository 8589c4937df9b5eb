package io.hybridctl.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of IPv4 addresses kept as sorted, disjoint, non-adjacent ranges, so that union, intersection and
 * difference are linear merges rather than pairwise comparisons.
 */
public final class PrefixSet {

    private static final PrefixSet EMPTY = new PrefixSet(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;
    private int hash; // 0 until computed; sets are map keys in the flow analyser's memo

    private PrefixSet(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static PrefixSet empty() {
        return EMPTY;
    }

    public static PrefixSet of(Prefix... prefixes) {
        return ofPrefixes(Arrays.asList(prefixes));
    }

    public static PrefixSet ofPrefixes(Collection<Prefix> prefixes) {
        List<AddressRange> ranges = new ArrayList<>(prefixes.size());
        for (Prefix p : prefixes) {
            ranges.add(p.toRange());
        }
        return ofRanges(ranges);
    }

    public static PrefixSet ofRanges(Collection<AddressRange> ranges) {
        long[][] pairs = new long[ranges.size()][];
        int i = 0;
        for (AddressRange r : ranges) {
            pairs[i++] = new long[] {r.first().value(), r.last().value()};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] s = new long[pairs.length];
        long[] e = new long[pairs.length];
        int n = 0;
        for (long[] pair : pairs) {
            if (n > 0 && pair[0] <= e[n - 1] + 1) {
                e[n - 1] = Math.max(e[n - 1], pair[1]);
            } else {
                s[n] = pair[0];
                e[n] = pair[1];
                n++;
            }
        }
        return new PrefixSet(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    public long size() {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i] + 1;
        }
        return total;
    }

    public boolean contains(Ipv4Address address) {
        int i = floorIndex(address.value());
        return i >= 0 && address.value() <= ends[i];
    }

    public boolean contains(Prefix prefix) {
        int i = floorIndex(prefix.network());
        return i >= 0 && prefix.lastValue() <= ends[i];
    }

    public boolean containsRange(AddressRange range) {
        int i = floorIndex(range.first().value());
        return i >= 0 && range.last().value() <= ends[i];
    }

    public boolean overlaps(Prefix prefix) {
        int i = floorIndex(prefix.lastValue());
        return i >= 0 && ends[i] >= prefix.network();
    }

    private int floorIndex(long value) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    public PrefixSet union(PrefixSet other) {
        if (other.starts.length == 0) {
            return this;
        }
        if (starts.length == 0) {
            return other;
        }
        Runs out = new Runs(starts.length + other.starts.length);
        int i = 0;
        int j = 0;
        while (i < starts.length || j < other.starts.length) {
            if (j >= other.starts.length || (i < starts.length && starts[i] <= other.starts[j])) {
                out.addMerging(starts[i], ends[i]);
                i++;
            } else {
                out.addMerging(other.starts[j], other.ends[j]);
                j++;
            }
        }
        return out.toSet();
    }

    public PrefixSet intersect(PrefixSet other) {
        // Pieces of an intersection of two canonical sets are sorted and never adjacent: no re-sort or merge needed.
        Runs out = new Runs(Math.min(starts.length, other.starts.length) + 1);
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long lo = Math.max(starts[i], other.starts[j]);
            long hi = Math.min(ends[i], other.ends[j]);
            if (lo <= hi) {
                out.add(lo, hi);
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return out.toSet();
    }

    public PrefixSet minus(PrefixSet other) {
        if (other.starts.length == 0 || starts.length == 0) {
            return this;
        }
        Runs out = new Runs(starts.length + 1);
        int j = 0;
        for (int i = 0; i < starts.length; i++) {
            long cursor = starts[i];
            long end = ends[i];
            while (j < other.starts.length && other.ends[j] < cursor) {
                j++;
            }
            int k = j;
            while (k < other.starts.length && other.starts[k] <= end && cursor <= end) {
                if (other.starts[k] > cursor) {
                    out.add(cursor, other.starts[k] - 1);
                }
                cursor = Math.max(cursor, other.ends[k] + 1);
                k++;
            }
            if (cursor <= end) {
                out.add(cursor, end);
            }
        }
        return out.toSet();
    }

    /**
     * Builds a set from runs given in ascending order of their first address (overlapping or adjacent runs are merged),
     * in linear time. Callers that produce sorted runs (sweeps over sorted tables) avoid the sort of {@link #ofRanges}.
     */
    public static final class Runs {
        private long[] s;
        private long[] e;
        private int n;

        public Runs(int capacity) {
            s = new long[Math.max(1, capacity)];
            e = new long[Math.max(1, capacity)];
        }

        /** Appends [first, last]; first must not be below the previous run's first. */
        public void addMerging(long first, long last) {
            if (n > 0 && first < s[n - 1]) {
                throw new IllegalArgumentException("runs out of order: " + first + " after " + s[n - 1]);
            }
            if (n > 0 && first <= e[n - 1] + 1) {
                e[n - 1] = Math.max(e[n - 1], last);
                return;
            }
            add(first, last);
        }

        private void add(long first, long last) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
            }
            s[n] = first;
            e[n] = last;
            n++;
        }

        public boolean isEmpty() {
            return n == 0;
        }

        public PrefixSet toSet() {
            return n == 0 ? EMPTY : new PrefixSet(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
        }
    }

    /** Number of disjoint runs. */
    public int runCount() {
        return starts.length;
    }

    public long runFirst(int i) {
        return starts[i];
    }

    public long runLast(int i) {
        return ends[i];
    }

    public List<AddressRange> ranges() {
        List<AddressRange> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new AddressRange(Ipv4Address.of(starts[i]), Ipv4Address.of(ends[i])));
        }
        return out;
    }

    /** The fewest CIDR blocks that cover exactly this set, in address order. */
    public List<Prefix> toPrefixes() {
        List<Prefix> out = new ArrayList<>();
        for (AddressRange r : ranges()) {
            out.addAll(r.toPrefixes());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PrefixSet other && hashCode() == other.hashCode()
                && Arrays.equals(starts, other.starts) && Arrays.equals(ends, other.ends);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return ranges().toString();
    }
}
