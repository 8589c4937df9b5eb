package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

/** A router's static route for one host's pod block, next hop the host. */
public record StaticRoute(String host, Prefix destination, Ipv4Address nextHop, Provenance provenance) {
}
