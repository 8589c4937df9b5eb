package io.hybridctl.netmodel.filter;

import io.hybridctl.net.Provenance;

import java.util.List;

/** An ordered list of rules; the first that matches decides, else the default action. */
public record Filter(String name, FilterKind kind, List<Rule> rules, Action defaultAction, Provenance provenance) {

    public Filter {
        rules = List.copyOf(rules);
    }

    public boolean stateful() {
        return kind.stateful();
    }
}
