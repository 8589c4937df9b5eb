package io.hybridctl.netmodel.topology;

/** The roles a node plays in a hybrid network; the analysis treats every kind the same way. */
public enum NodeKind {
    CONTROL_PLANE, VPC_ROUTER, SUBNET, TRANSIT_GATEWAY, VPN_GATEWAY, VPN_TUNNEL, ROUTER, FIREWALL, HOST, POD_BLOCK,
    CLOUD_NODE, CLIENT
}
