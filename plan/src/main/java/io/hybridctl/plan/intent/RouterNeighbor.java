package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;

/** A host as the site router sees it: a BGP neighbor, a route-reflector client when both share the AS (iBGP). */
public record RouterNeighbor(String host, Ipv4Address address, long remoteAsn, int holdTimeSeconds, int keepaliveTimeSeconds,
                          boolean gracefulRestart, boolean routeReflectorClient, Provenance provenance) {
}
