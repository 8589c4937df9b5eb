package io.hybridctl.netmodel.bgp;

/** Why a configured BGP session is or is not up, in the spirit of Batfish's bgpSessionStatus. */
public enum SessionStatus {
    ESTABLISHED,
    /** No node owns the peer address on a network this speaker is connected to. */
    PEER_UNREACHABLE,
    /** The peer exists but has no BGP neighbor statement for this speaker. */
    HALF_OPEN,
    /** One side expects a different AS from the one the other side has. */
    ASN_MISMATCH,
    /** Hold time or keepalive differ (hybridctl requires both sides to agree). */
    TIMER_MISMATCH
}
