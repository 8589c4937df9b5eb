package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
/** An on-prem firewall rule of one site; INBOUND = towards the site's networks. */
public record FirewallRule(String site, Direction direction, Protocol protocol, PortRange ports, Peer source, Peer destination,
                           String reason, Provenance provenance) {
}
