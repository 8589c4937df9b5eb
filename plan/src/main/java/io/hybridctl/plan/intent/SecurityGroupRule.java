package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.Prefix;

/** A rule on the additional cluster security group; INBOUND = to the control plane ENIs. */
public record SecurityGroupRule(Direction direction, Protocol protocol, PortRange ports, Prefix cidr, String reason,
                                Provenance provenance) {
}
