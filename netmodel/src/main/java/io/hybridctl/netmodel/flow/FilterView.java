package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How one filter sees a flow apart from its destination: which of its rules the source address and the header (protocol,
 * ports, request or reply) match. Two flows the filter sees alike get the same decisions from it for every
 * destination, so anything computed past it for one holds for the other. Source classes are classes of rule matches,
 * not intervals: a site's firewall sees every other site's hosts alike, wherever their addresses lie; header classes
 * let the replies of several webhook ports share one analysis where no filter tells the ports apart.
 * One instance per filter per analyser (the header cache is not thread-safe).
 */
public final class FilterView {

    /** The class of a reply through a stateful filter: the session lets it through, no rule is consulted. */
    static final long SESSION = -1;

    private final Filter filter;
    private final long[] cuts; // sorted starts of source intervals; null when every source looks the same
    private final int[] ids;   // the source class of interval i
    private final Map<Header, Integer> headerClasses = new HashMap<>();
    private final Map<BitSet, Integer> headerIds = new HashMap<>();
    private Ipv4Address lastSource;
    private Header lastHeader;
    private long lastClass;
    private Header lastHeaderSeen;
    private int lastHeaderClass;
    private int stamp = -1; // the Consulted that last took this view

    FilterView(Filter filter) {
        this.filter = filter;
        List<Rule> restricted = filter.rules().stream().filter(r -> r.sources().isPresent()).toList();
        if (restricted.isEmpty()) {
            cuts = null;
            ids = null;
            return;
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
        long[] c = starts.stream().mapToLong(Long::longValue).toArray();
        int[] classes = new int[c.length];
        Map<BitSet, Integer> seen = new HashMap<>();
        for (int i = 0; i < c.length; i++) {
            Ipv4Address probe = Ipv4Address.of(c[i]);
            BitSet matched = new BitSet(restricted.size());
            for (int k = 0; k < restricted.size(); k++) {
                if (restricted.get(k).sources().get().contains(probe)) {
                    matched.set(k);
                }
            }
            classes[i] = seen.computeIfAbsent(matched, m -> seen.size());
        }
        cuts = c;
        ids = classes;
    }

    /** The class of a flow from `source` with `header` ({@link #SESSION} for a reply a stateful filter lets through). */
    long classOf(Ipv4Address source, Header header) {
        // One query asks the same view again and again (every cached result it considers depends on it): remember the
        // last answer. Instances belong to one analyser thread.
        if (source == lastSource && header == lastHeader) {
            return lastClass;
        }
        long c = computeClassOf(source, header);
        lastSource = source;
        lastHeader = header;
        lastClass = c;
        return c;
    }

    /** The class without touching the one-entry cache (for recording another flow's classes). */
    long computeClassOf(Ipv4Address source, Header header) {
        return header.reply() && filter.stateful() ? SESSION : ((long) sourceClass(source) << 32) | headerClass(header);
    }

    private int sourceClass(Ipv4Address source) {
        if (cuts == null) {
            return 0;
        }
        int i = Arrays.binarySearch(cuts, source.value());
        return ids[i >= 0 ? i : -i - 2];
    }

    private int headerClass(Header header) {
        if (header == lastHeaderSeen) {
            return lastHeaderClass; // a whole leg asks with one header object
        }
        int c = lookupHeaderClass(header);
        lastHeaderSeen = header;
        lastHeaderClass = c;
        return c;
    }

    private int lookupHeaderClass(Header header) {
        Integer known = headerClasses.get(header);
        if (known != null) {
            return known;
        }
        BitSet matched = new BitSet(filter.rules().size());
        for (int k = 0; k < filter.rules().size(); k++) {
            if (filter.rules().get(k).matchesHeader(header)) {
                matched.set(k);
            }
        }
        int id = headerIds.computeIfAbsent(matched, m -> headerIds.size());
        headerClasses.put(header, id);
        return id;
    }

    /**
     * A set of views in first-seen order: the views a cached result depends on. Membership is a stamp on the view
     * rather than a hash set: results that depend on a whole region's filters gather thousands of views.
     */
    static final class Consulted {
        private final List<FilterView> views = new ArrayList<>(4);
        private final int stamp;

        /** @param stamp a number no other live Consulted of this analyser uses */
        Consulted(int stamp) {
            this.stamp = stamp;
        }

        void add(FilterView v) {
            if (v.stamp != stamp) {
                v.stamp = stamp;
                views.add(v);
            }
        }

        void addAll(FilterView[] more) {
            for (FilterView v : more) {
                add(v);
            }
        }

        FilterView[] toArray() {
            return views.toArray(new FilterView[0]);
        }
    }
}
