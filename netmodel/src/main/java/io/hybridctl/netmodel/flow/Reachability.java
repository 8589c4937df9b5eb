package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.PrefixSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The answer to one query: for each source atom, the branch DAG of its destinations. */
public final class Reachability {

    /** One run of source addresses that every filter treats alike, and where its destinations go. */
    public record Root(AddressRange sources, List<Branch> branches) {
        public Root {
            branches = List.copyOf(branches);
        }
    }

    private final Query query;
    private final List<Root> roots;

    Reachability(Query query, List<Root> roots) {
        this.query = query;
        this.roots = List.copyOf(roots);
    }

    public Query query() {
        return query;
    }

    public List<Root> roots() {
        return roots;
    }

    public Set<Disposition> dispositions() {
        EnumSet<Disposition> all = EnumSet.noneOf(Disposition.class);
        for (Root r : roots) {
            for (Branch b : r.branches()) {
                all.addAll(b.reached());
            }
        }
        return all;
    }

    public boolean allAccepted() {
        Set<Disposition> d = dispositions();
        return d.isEmpty() || d.equals(EnumSet.of(Disposition.ACCEPTED));
    }

    /** Every outcome, flattened (use on small queries or together with a filter). */
    public List<Outcome> outcomes() {
        return outcomes(d -> true);
    }

    /** The outcomes whose disposition passes the filter; subtrees that cannot reach one are skipped. */
    public List<Outcome> outcomes(Predicate<Disposition> wanted) {
        List<Outcome> out = new ArrayList<>();
        for (Root r : roots) {
            for (Branch b : r.branches()) {
                walk(r.sources(), b, new ArrayList<>(), wanted, out);
            }
        }
        return out;
    }

    /** Receives failing (or wanted) runs without building a trace for each; `path` is only valid during the call. */
    @FunctionalInterface
    public interface Visitor {
        void visit(AddressRange sources, PrefixSet destinations, Disposition end, List<Hop> path);
    }

    /** Streams the wanted runs; callers that group many runs materialise one {@link Trace} per group. */
    public void forEach(Predicate<Disposition> wanted, Visitor visitor) {
        for (Root r : roots) {
            for (Branch b : r.branches()) {
                stream(r.sources(), b, new ArrayList<>(), wanted, visitor);
            }
        }
    }

    private static void stream(AddressRange sources, Branch b, List<Hop> path, Predicate<Disposition> wanted, Visitor visitor) {
        if (!b.reaches(wanted)) {
            return;
        }
        path.add(b.hop());
        if (b.end() != null) {
            if (wanted.test(b.end())) {
                visitor.visit(sources, b.destinations(), b.end(), path);
            }
        } else {
            for (Branch n : b.next()) {
                stream(sources, n, path, wanted, visitor);
            }
        }
        path.remove(path.size() - 1);
    }

    private static void walk(AddressRange sources, Branch b, List<Hop> path, Predicate<Disposition> wanted, List<Outcome> out) {
        if (!b.reaches(wanted)) {
            return;
        }
        path.add(b.hop());
        if (b.end() != null) {
            if (wanted.test(b.end())) {
                Trace trace = new Trace(b.end(), path);
                for (AddressRange d : b.destinations().ranges()) {
                    out.add(new Outcome(sources, d, trace));
                }
            }
        } else {
            for (Branch n : b.next()) {
                walk(sources, n, path, wanted, out);
            }
        }
        path.remove(path.size() - 1);
    }
}
