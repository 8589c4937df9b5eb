package io.hybridctl.verify.verdict;

import java.util.List;

/**
 * What the model says one concrete packet (and its reply, when asked) does: accepted or not, why, and the nodes the
 * failing packet went through (empty when it is accepted).
 */
public record Verdict(boolean reachable, String reason, List<String> trace) {

    public Verdict {
        trace = List.copyOf(trace);
    }

    static Verdict accepted() {
        return new Verdict(true, "accepted", List.of());
    }
}
