package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

/** podRouting none: traffic from the host's pod block leaving the host is source-NATed to the host address. */
public record Masquerade(String host, String site, Prefix podBlock, Ipv4Address translatedTo, Provenance provenance) {
}
