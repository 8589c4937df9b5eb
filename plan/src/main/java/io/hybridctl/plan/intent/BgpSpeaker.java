package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.List;

/** The BGP session a host's CNI opens to its site router and the prefixes it announces there. */
public record BgpSpeaker(String host, String site, Ipv4Address hostAddress, long localAsn, Ipv4Address peerAddress, long peerAsn,
                         int holdTimeSeconds, int keepaliveTimeSeconds, boolean gracefulRestart, int restartTimeSeconds,
                         List<Prefix> advertised, Provenance provenance) {

    public BgpSpeaker {
        advertised = List.copyOf(advertised);
    }
}
