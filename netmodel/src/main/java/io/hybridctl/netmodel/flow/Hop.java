package io.hybridctl.netmodel.flow;

import java.util.List;

public record Hop(String node, List<Step> steps) {
    public Hop {
        steps = List.copyOf(steps);
    }
}
