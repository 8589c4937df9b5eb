package io.hybridctl.netmodel.bgp;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Provenance;

import java.util.Optional;

/** One configured session seen from `local`: the peer node (when found) and whether it comes up, and why not. */
public record BgpSession(String local, Ipv4Address localAddress, Optional<String> peer, Ipv4Address peerAddress,
                         SessionStatus status, String detail, Provenance provenance) {

    public boolean established() {
        return status == SessionStatus.ESTABLISHED;
    }
}
