package io.hybridctl.netmodel.flow;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyser's memo: the branches computed for (node, destination set), each with the filters consulted below that
 * node. A result is reused by a later flow when every one of those filters sees the later flow's source and header
 * as it saw the first's ({@link FilterView}). Single-threaded, like the analyser that owns it.
 */
final class SubtreeMemo {

    /** Requests and replies are kept apart: stateful filters see every reply differently from every request. */
    record Key(int node, PrefixSet destinations, boolean originated, boolean reply) {
    }

    /** What one node's computation consulted: filter views at the node and the results it built on. */
    static final class Dependencies {
        private final List<FilterView> own = new ArrayList<>(2);
        private final List<Result> parts = new ArrayList<>(2);

        void consulted(FilterView v) {
            for (FilterView known : own) {
                if (known == v) {
                    return;
                }
            }
            own.add(v);
        }
    }

    /**
     * A memoised result. Its dependencies are the views of the filters consulted at its own node plus those of the
     * results it was built from; they are gathered into one list only when someone asks whether the result holds for
     * another flow, because most results (those keyed by a set only one source follows) are never asked.
     */
    private static final class Result {
        private static final FilterView[] NO_VIEWS = new FilterView[0];
        private static final long[] NO_CLASSES = new long[0];
        private final Ipv4Address src;
        private final Header header;
        private final List<FilterView> own;
        private final List<Result> parts;
        private final List<Branch> branches;
        private FilterView[] views;
        private long[] classes;

        Result(Ipv4Address src, Header header, Dependencies dependencies, List<Branch> branches) {
            this.src = src;
            this.header = header;
            this.own = dependencies.own;
            this.parts = dependencies.parts;
            this.branches = branches;
        }

        boolean holdsFor(Ipv4Address otherSource, Header otherHeader, SubtreeMemo memo) {
            gather(memo);
            for (int i = 0; i < views.length; i++) {
                if (views[i].classOf(otherSource, otherHeader) != classes[i]) {
                    return false;
                }
            }
            return true;
        }

        private void gather(SubtreeMemo memo) {
            if (views != null) {
                return;
            }
            if (own.isEmpty() && parts.size() <= 1) {
                // Nothing consulted here: the one part's dependencies are this result's, and they held for this
                // result's flow (it was built from that part), so its classes are this flow's classes too.
                if (parts.isEmpty()) {
                    views = NO_VIEWS;
                    classes = NO_CLASSES;
                } else {
                    Result only = parts.get(0);
                    only.gather(memo);
                    views = only.views;
                    classes = only.classes;
                }
                return;
            }
            FilterView.Consulted all = new FilterView.Consulted(++memo.stamp);
            for (Result r : parts) {
                r.gather(memo);
            }
            // After the parts: gathering a part takes stamps of its own.
            for (FilterView v : own) {
                all.add(v);
            }
            for (Result r : parts) {
                all.addAll(r.views);
            }
            views = all.toArray();
            classes = new long[views.length];
            for (int i = 0; i < views.length; i++) {
                classes[i] = views[i].computeClassOf(src, header);
            }
        }
    }

    private final Map<Key, List<Result>> results = new HashMap<>();
    private int stamp;
    private long computed;
    private long reused;

    /** The branches stored under the key that hold for this flow, recorded as a dependency of the caller; else null. */
    List<Branch> find(Key key, Ipv4Address src, Header header, Dependencies caller) {
        List<Result> known = results.get(key);
        if (known != null) {
            for (Result r : known) {
                if (r.holdsFor(src, header, this)) {
                    reused++;
                    caller.parts.add(r);
                    return r.branches;
                }
            }
        }
        return null;
    }

    /** Stores a computed result (with what its computation consulted), recorded as a dependency of the caller. */
    void store(Key key, Ipv4Address src, Header header, Dependencies consulted, List<Branch> branches, Dependencies caller) {
        computed++;
        Result r = new Result(src, header, consulted, branches);
        results.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
        caller.parts.add(r);
    }

    void clear() {
        results.clear();
    }

    FlowAnalyzer.Work work() {
        return new FlowAnalyzer.Work(computed, reused);
    }
}
