package io.hybridctl.verify.flows;

import io.hybridctl.net.Protocol;

/**
 * A requirement of the catalogue made per host, for probing a real network host by host (the lab times faults with
 * them): from which side of the host to which, protocol and port, and whether the design promises it works.
 */
public record HostProbe(String id, String title, Side from, Side to, Protocol protocol, int port, boolean mustWork) {

    /** The host itself, a pod on it, the API server, CoreDNS on another node, a pod on another node. */
    public enum Side { HOST, POD, API_SERVER, PEER_COREDNS, PEER_POD }
}
