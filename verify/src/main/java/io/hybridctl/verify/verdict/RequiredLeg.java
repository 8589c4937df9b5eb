package io.hybridctl.verify.verdict;

import io.hybridctl.net.Protocol;
import io.hybridctl.verify.flows.Endpoint;

import java.util.List;

/**
 * One shape of a required flow as data: requests from an ephemeral port of any source endpoint to the port of any
 * destination endpoint; {@code reply} says whether the answer must come back too.
 */
public record RequiredLeg(Protocol protocol, int port, List<Endpoint> sources, List<Endpoint> destinations, boolean reply) {

    public RequiredLeg {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
    }
}
