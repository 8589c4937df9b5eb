package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How one filter sees source addresses: two sources with the same view match exactly the same rules of that filter
 * (whatever the header), so anything computed past that filter for one holds for the other. Views are classes of
 * rule matches, not intervals: a site's firewall sees every other site's hosts alike, wherever their addresses lie.
 */
public final class SourceView {

    private final long[] cuts; // sorted starts of intervals; interval i is [cuts[i], cuts[i+1]-1]
    private final int[] ids;   // the view of interval i

    private SourceView(long[] cuts, int[] ids) {
        this.cuts = cuts;
        this.ids = ids;
    }

    /** The filter's view, or empty when every source looks the same to it (no rule restricts sources differently). */
    public static Optional<SourceView> of(Filter filter) {
        List<Rule> restricted = filter.rules().stream().filter(r -> r.sources().isPresent()).toList();
        if (restricted.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(0L);
        for (Rule r : restricted) {
            for (AddressRange range : r.sources().get().ranges()) {
                starts.add(range.first().value());
                if (range.last().value() < 0xFFFF_FFFFL) {
                    starts.add(range.last().value() + 1);
                }
            }
        }
        long[] cuts = starts.stream().mapToLong(Long::longValue).toArray();
        int[] ids = new int[cuts.length];
        Map<BitSet, Integer> classes = new HashMap<>();
        for (int i = 0; i < cuts.length; i++) {
            Ipv4Address probe = Ipv4Address.of(cuts[i]);
            BitSet matched = new BitSet(restricted.size());
            for (int k = 0; k < restricted.size(); k++) {
                if (restricted.get(k).sources().get().contains(probe)) {
                    matched.set(k);
                }
            }
            ids[i] = classes.computeIfAbsent(matched, m -> classes.size());
        }
        return classes.size() == 1 ? Optional.empty() : Optional.of(new SourceView(cuts, ids));
    }

    /** The class of the source address. */
    public int of(Ipv4Address source) {
        int i = Arrays.binarySearch(cuts, source.value());
        return ids[i >= 0 ? i : -i - 2];
    }

    /** A set of views in first-seen order: the views a cached result depends on (usually a handful). */
    static final class Consulted {
        private final List<SourceView> views = new ArrayList<>(4);
        private java.util.Set<SourceView> seen; // only once the list is long enough for linear checks to cost

        void add(SourceView v) {
            if (seen != null) {
                if (seen.add(v)) {
                    views.add(v);
                }
                return;
            }
            for (SourceView known : views) {
                if (known == v) {
                    return;
                }
            }
            views.add(v);
            if (views.size() > 16) {
                seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                seen.addAll(views);
            }
        }

        void addAll(SourceView[] more) {
            for (SourceView v : more) {
                add(v);
            }
        }

        SourceView[] toArray() {
            return views.toArray(new SourceView[0]);
        }
    }
}
