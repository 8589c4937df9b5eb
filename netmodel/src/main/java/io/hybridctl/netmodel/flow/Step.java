package io.hybridctl.netmodel.flow;

import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.FilterKind;
import io.hybridctl.netmodel.route.Route;

import java.util.List;
import java.util.Optional;

/** What happened to a flow inside one node: which filter line or route decided, and where that line came from. */
public sealed interface Step {

    enum Direction { IN, OUT }

    /** A filter decided: the matched rule, or the filter's default when `rule` is empty. */
    record Filtered(String filter, FilterKind kind, Direction direction, Action action, Optional<String> rule,
                    Provenance provenance) implements Step {
        @Override
        public String toString() {
            String how = rule.map(r -> "rule " + r).orElse(kind == FilterKind.SECURITY_GROUP ? "no rule matches" : "default action");
            return "filter " + filter + " (" + direction.name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + action.name().toLowerCase(java.util.Locale.ROOT) + " by " + how + " [" + provenance + "]";
        }
    }

    /** A stateful filter let a reply through because the request opened the session. */
    record Session(String filter, FilterKind kind) implements Step {
        @Override
        public String toString() {
            return "filter " + filter + ": permit, reply on an established session";
        }
    }

    /** The route that matched (longest prefix). */
    record Routed(Route route) implements Step {
        @Override
        public String toString() {
            return "route " + route + " [" + route.provenance() + "]";
        }
    }

    /** No route matched; `dormant` lists configured routes that would have matched but are not active. */
    record NoRoute(List<Route> dormant) implements Step {
        public NoRoute {
            dormant = List.copyOf(dormant);
        }

        @Override
        public String toString() {
            if (dormant.isEmpty()) {
                return "no route matches";
            }
            return "no active route; configured but inactive (next hop does not resolve): " + dormant.get(0) + " [" + dormant.get(0).provenance() + "]";
        }
    }

    /** Handed to the next node. */
    record Forwarded(String iface, String toNode) implements Step {
        @Override
        public String toString() {
            return "out " + iface + " to " + toNode;
        }
    }

    /** Nobody answers for the next hop on the segment. */
    record Unanswered(String iface, String address) implements Step {
        @Override
        public String toString() {
            return "out " + iface + ": nothing answers for " + address;
        }
    }

    /** The node was already on the path. */
    record Looped() implements Step {
        @Override
        public String toString() {
            return "already visited: forwarding loop";
        }
    }
}
