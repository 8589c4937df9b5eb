package io.hybridctl.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds overlapping blocks among many owners in O(n log n): sort by start, then sweep while remembering the block
 * that reaches furthest. Each block that overlaps an earlier one is reported once, against that earlier block, which
 * is enough to point a user at every conflict without an all-pairs comparison.
 */
public final class OverlapSweep {

    private OverlapSweep() {
    }

    public record Tagged<T>(AddressRange range, T owner) {
        public static <T> Tagged<T> of(Prefix prefix, T owner) {
            return new Tagged<>(prefix.toRange(), owner);
        }
    }

    public record Overlap<T>(Tagged<T> earlier, Tagged<T> later) {
    }

    public static <T> List<Overlap<T>> find(List<Tagged<T>> items) {
        List<Tagged<T>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Tagged<T> t) -> t.range().first()).thenComparing(t -> t.range().last()));
        List<Overlap<T>> out = new ArrayList<>();
        Tagged<T> reach = null;
        for (Tagged<T> item : sorted) {
            if (reach != null && item.range().first().compareTo(reach.range().last()) <= 0) {
                out.add(new Overlap<>(reach, item));
            }
            if (reach == null || item.range().last().compareTo(reach.range().last()) > 0) {
                reach = item;
            }
        }
        return out;
    }
}
