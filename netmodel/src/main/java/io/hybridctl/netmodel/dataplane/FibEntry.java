package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.netmodel.route.Route;

import java.util.Optional;

/**
 * An installed route with its resolution: the interface it leaves by and the gateway to hand the packet to (empty:
 * hand it to the destination itself, or to the far end of a point-to-point link).
 */
public record FibEntry(Route route, Optional<String> egress, Optional<Ipv4Address> gateway) {
}
