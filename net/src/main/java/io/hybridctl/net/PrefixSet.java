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
        // Two passes, the first only counting: the flow analyser intersects large sets all the time, and most results
        // are the set itself or empty, which then cost no allocation at all.
        int count = 0;
        boolean whole = true;
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long lo = Math.max(starts[i], other.starts[j]);
            long hi = Math.min(ends[i], other.ends[j]);
            if (lo <= hi) {
                count++;
                whole &= lo == starts[i] && hi == ends[i];
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        if (count == 0) {
            return EMPTY;
        }
        if (whole && count == starts.length) {
            return this;
        }
        // Pieces of an intersection of two canonical sets are sorted and never adjacent: no re-sort or merge needed.
        long[] s = new long[count];
        long[] e = new long[count];
        int n = 0;
        i = 0;
        j = 0;
        while (i < starts.length && j < other.starts.length) {
            long lo = Math.max(starts[i], other.starts[j]);
            long hi = Math.min(ends[i], other.ends[j]);
            if (lo <= hi) {
                s[n] = lo;
                e[n] = hi;
                n++;
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new PrefixSet(s, e);
    }

    public PrefixSet minus(PrefixSet other) {
        if (other.starts.length == 0 || starts.length == 0) {
            return this;
        }
        int count = cutOut(other, null, null);
        if (count < 0) {
            return this;
        }
        if (count == 0) {
            return EMPTY;
        }
        long[] s = new long[count];
        long[] e = new long[count];
        cutOut(other, s, e);
        return new PrefixSet(s, e);
    }

    /**
     * Walks this set minus `other`, writing the pieces when arrays are given. Returns the number of pieces, or -1 when
     * nothing was cut (the difference is this set itself).
     */
    private int cutOut(PrefixSet other, long[] s, long[] e) {
        int n = 0;
        boolean cut = false;
        int j = 0;
        for (int i = 0; i < starts.length; i++) {
            long cursor = starts[i];
            long end = ends[i];
            while (j < other.starts.length && other.ends[j] < cursor) {
                j++;
            }
            int k = j;
            while (k < other.starts.length && other.starts[k] <= end && cursor <= end) {
                cut = true;
                if (other.starts[k] > cursor) {
                    if (s != null) {
                        s[n] = cursor;
                        e[n] = other.starts[k] - 1;
                    }
                    n++;
                }
                cursor = Math.max(cursor, other.ends[k] + 1);
                k++;
            }
            if (cursor <= end) {
                if (s != null) {
                    s[n] = cursor;
                    e[n] = end;
                }
                n++;
            }
        }
        return cut ? n : -1;
    }

    /**
     * Builds a set from runs given in ascending order of their first address (overlapping or adjacent runs are merged),
     * in linear time. Callers that produce sorted runs (sweeps over sorted tables) avoid the sort of {@link #ofRanges}.
     */
    public static final class Runs {
        private long[] s;
        private long[] e;
        private int n;
        private boolean handedOver;

        public Runs(int capacity) {
            s = new long[Math.max(1, capacity)];
            e = new long[Math.max(1, capacity)];
        }

        /** Appends [first, last]; first must not be below the previous run's first. */
        public void addMerging(long first, long last) {
            unshare();
            if (n > 0 && first < s[n - 1]) {
                throw new IllegalArgumentException("runs out of order: " + first + " after " + s[n - 1]);
            }
            if (n > 0 && first <= e[n - 1] + 1) {
                e[n - 1] = Math.max(e[n - 1], last);
                return;
            }
            add(first, last);
        }

        /** The last toSet() shares the arrays: never write into a set that is already out. */
        private void unshare() {
            if (handedOver) {
                s = Arrays.copyOf(s, Math.max(1, n * 2));
                e = Arrays.copyOf(e, s.length);
                handedOver = false;
            }
        }

        private void add(long first, long last) {
            unshare();
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
            if (n == 0) {
                return EMPTY;
            }
            if (n == s.length) {
                handedOver = true;
                return new PrefixSet(s, e);
            }
            return new PrefixSet(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
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
