package io.hybridctl.verify.flows;

import io.hybridctl.netmodel.Header;

import java.util.List;

/**
 * One 5-tuple shape of a flow between sets of endpoints. `reply` says whether the answer must come back too (always
 * for TCP requests; stateless filters and asymmetric routes break replies).
 */
public record Leg(Header header, List<Endpoint> sources, List<Endpoint> destinations, boolean reply) {
    public Leg {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
    }
}
