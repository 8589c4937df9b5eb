package io.hybridctl.netmodel.flow;

import io.hybridctl.net.PrefixSet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fate of a set of destination addresses arriving at one node: the steps taken there, then either an end or the
 * branches at the next node. Branches are shared between queries (memoised), so results form a DAG whose size is the
 * number of distinct forwarding behaviours, not sources x destinations.
 */
public final class Branch {

    private final String node;
    private final PrefixSet destinations;
    private final List<Step> steps;
    private final Disposition end;
    private final List<Branch> next;
    private static final Disposition[] DISPOSITIONS = Disposition.values();

    private final int reached; // a bit per Disposition ordinal: one int, not a set object, per branch
    private Hop hop;

    private Branch(String node, PrefixSet destinations, List<Step> steps, Disposition end, List<Branch> next) {
        this.node = node;
        this.destinations = destinations;
        this.steps = steps;
        this.end = end;
        this.next = next;
        int r = end == null ? 0 : 1 << end.ordinal();
        for (Branch b : next) {
            r |= b.reached;
        }
        this.reached = r;
    }

    static Branch end(String node, PrefixSet destinations, List<Step> steps, Disposition d) {
        return new Branch(node, destinations, List.copyOf(steps), d, List.of());
    }

    static Branch onward(String node, PrefixSet destinations, List<Step> steps, List<Branch> next) {
        return new Branch(node, destinations, List.copyOf(steps), null, List.copyOf(next));
    }

    /** This branch's node and steps as a trace hop (one shared instance). */
    public Hop hop() {
        Hop h = hop;
        if (h == null) {
            h = new Hop(node, steps);
            hop = h;
        }
        return h;
    }

    public String node() {
        return node;
    }

    /** The destination addresses this branch carries (several runs when they share a route and filter decision). */
    public PrefixSet destinations() {
        return destinations;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Branch> next() {
        return next;
    }

    /** The disposition when the flow ends at this node, else null. */
    public Disposition end() {
        return end;
    }

    /** Every disposition reachable in this branch's subtree. */
    public Set<Disposition> reached() {
        EnumSet<Disposition> out = EnumSet.noneOf(Disposition.class);
        for (Disposition d : DISPOSITIONS) {
            if ((reached & (1 << d.ordinal())) != 0) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether some disposition in this branch's subtree passes the test (without building a set). */
    public boolean reaches(java.util.function.Predicate<Disposition> wanted) {
        for (Disposition d : DISPOSITIONS) {
            if ((reached & (1 << d.ordinal())) != 0 && wanted.test(d)) {
                return true;
            }
        }
        return false;
    }
}
