package io.hybridctl.lab.topology;

/** What a lab namespace stands in for. */
public enum NamespaceRole {
    /** The cloud side: EKS control-plane ENIs in the cluster VPC, behind the TGW/VGW. */
    VPC,
    /** A site's router and VPN endpoint (customer gateway), with the on-prem firewall. */
    ROUTER,
    /** A hybrid node: the host's address on the site LAN. */
    NODE,
    /** A pod on a hybrid node, addressed from the node's pod block. */
    POD
}
