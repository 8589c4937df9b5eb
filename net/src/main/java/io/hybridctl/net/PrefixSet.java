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
        return !intersect(PrefixSet.of(prefix)).isEmpty();
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
        List<AddressRange> all = new ArrayList<>(ranges());
        all.addAll(other.ranges());
        return ofRanges(all);
    }

    public PrefixSet intersect(PrefixSet other) {
        List<AddressRange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long lo = Math.max(starts[i], other.starts[j]);
            long hi = Math.min(ends[i], other.ends[j]);
            if (lo <= hi) {
                out.add(new AddressRange(Ipv4Address.of(lo), Ipv4Address.of(hi)));
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return ofRanges(out);
    }

    public PrefixSet minus(PrefixSet other) {
        List<AddressRange> out = new ArrayList<>();
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
                    out.add(new AddressRange(Ipv4Address.of(cursor), Ipv4Address.of(other.starts[k] - 1)));
                }
                cursor = Math.max(cursor, other.ends[k] + 1);
                k++;
            }
            if (cursor <= end) {
                out.add(new AddressRange(Ipv4Address.of(cursor), Ipv4Address.of(end)));
            }
        }
        return ofRanges(out);
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
        return o instanceof PrefixSet other && Arrays.equals(starts, other.starts) && Arrays.equals(ends, other.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return ranges().toString();
    }
}
