package io.hybridctl.netmodel.topology;

import io.hybridctl.net.Provenance;
import io.hybridctl.netmodel.bgp.BgpConfig;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.route.Route;

import java.util.List;
import java.util.Optional;

/**
 * A device in the vendor-independent model: interfaces, addresses it accepts beyond its interfaces (`local` routes:
 * a pod block, load balancer addresses), configured routes, an inbound and an outbound filter list, and optionally a
 * BGP speaker. Filters are applied in list order; each must permit.
 */
public record Node(String name, NodeKind kind, List<Interface> interfaces, List<Route> local, List<Route> staticRoutes,
                   List<Filter> inbound, List<Filter> outbound, Optional<BgpConfig> bgp, Provenance provenance) {

    public Node {
        interfaces = List.copyOf(interfaces);
        local = List.copyOf(local);
        staticRoutes = List.copyOf(staticRoutes);
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
    }

    public Optional<Interface> iface(String ifaceName) {
        // A loop, not a stream: this is on the analyser's hot path and nodes have one to three interfaces.
        for (Interface i : interfaces) {
            if (i.name().equals(ifaceName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public static Builder builder(String name, NodeKind kind) {
        return new Builder(name, kind);
    }

    /** Collects a node's parts while a network is being assembled. */
    public static final class Builder {
        private final String name;
        private final NodeKind kind;
        private final java.util.ArrayList<Interface> interfaces = new java.util.ArrayList<>();
        private final java.util.ArrayList<Route> local = new java.util.ArrayList<>();
        private final java.util.ArrayList<Route> routes = new java.util.ArrayList<>();
        private final java.util.ArrayList<Filter> inbound = new java.util.ArrayList<>();
        private final java.util.ArrayList<Filter> outbound = new java.util.ArrayList<>();
        private BgpConfig bgp;
        private Provenance provenance = Provenance.assumed("model");

        private Builder(String name, NodeKind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder iface(Interface i) {
            interfaces.add(i);
            return this;
        }

        public Builder local(Route r) {
            local.add(r);
            return this;
        }

        public Builder route(Route r) {
            routes.add(r);
            return this;
        }

        public Builder inbound(Filter f) {
            inbound.add(f);
            return this;
        }

        public Builder outbound(Filter f) {
            outbound.add(f);
            return this;
        }

        public Builder bgp(BgpConfig config) {
            this.bgp = config;
            return this;
        }

        public Builder provenance(Provenance p) {
            this.provenance = p;
            return this;
        }

        public String name() {
            return name;
        }

        public Node build() {
            return new Node(name, kind, interfaces, local, routes, inbound, outbound, Optional.ofNullable(bgp), provenance);
        }
    }
}
