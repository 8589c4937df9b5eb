package io.hybridctl.verify.report;

import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Step;
import io.hybridctl.verify.flows.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings of one flow that share a root cause: the same verdict, the same explanation at the same component, ending
 * at the same step. Two API server ENIs that cannot reach a pod, on three webhook ports, are one problem to fix, so
 * the report says it once ("2 sources ... 3 ports") with the first one's trace.
 */
public record FindingGroups(List<Group> groups) {

    /** One root cause: the first finding (whose trace is shown) and what the others add. */
    public record Group(Finding first, List<String> headers, List<String> sources, List<String> destinations, int findings) {

        public String header() {
            return headers.size() == 1 ? headers.get(0) : String.join(", ", headers);
        }

        public String source() {
            return summary(sources, "sources");
        }

        public String destination() {
            return summary(destinations, "destinations");
        }
    }

    private static final int NAMED = 3;

    public static FindingGroups of(List<Finding> findings) {
        Map<List<Object>, List<Finding>> byCause = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCause.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Finding> same : byCause.values()) {
            Set<String> headers = new LinkedHashSet<>();
            Set<String> sources = new LinkedHashSet<>();
            Set<String> destinations = new LinkedHashSet<>();
            for (Finding f : same) {
                headers.add(f.header());
                sources.add(f.source());
                destinations.add(f.destination());
            }
            groups.add(new Group(same.get(0), List.copyOf(headers), List.copyOf(sources), List.copyOf(destinations), same.size()));
        }
        return new FindingGroups(List.copyOf(groups));
    }

    private static List<Object> key(Finding f) {
        Object lastNode = "";
        Object lastStep = "";
        if (f.trace().isPresent() && !f.trace().get().hops().isEmpty()) {
            List<Hop> hops = f.trace().get().hops();
            Hop last = hops.get(hops.size() - 1);
            lastNode = last.node();
            List<Step> steps = last.steps();
            lastStep = steps.isEmpty() ? "" : steps.get(steps.size() - 1).toString();
        }
        return List.of(f.flow(), f.verdict(), f.reply(), f.explanation().code(), f.explanation().component(), lastNode, lastStep);
    }

    private static String summary(List<String> labels, String plural) {
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return labels.size() + " " + plural + " (" + String.join(", ", labels.subList(0, Math.min(NAMED, labels.size())))
                + (labels.size() > NAMED ? ", ..." : "") + ")";
    }
}
