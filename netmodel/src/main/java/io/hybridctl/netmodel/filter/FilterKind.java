package io.hybridctl.netmodel.filter;

/** What a filter stands for; it decides whether the filter keeps sessions and which explanation a drop gets. */
public enum FilterKind {
    /** AWS security group: stateful, allow-only. */
    SECURITY_GROUP(true),
    /** AWS network ACL: stateless, ordered. */
    NETWORK_ACL(false),
    /** The on-premises firewall: stateful, ordered. */
    FIREWALL(true),
    /** nftables/ufw/firewalld on a host: stateful (conntrack). */
    HOST_FIREWALL(true),
    /** IPsec phase-2 traffic selectors: stateless, both directions checked. */
    VPN_SELECTOR(false);

    private final boolean stateful;

    FilterKind(boolean stateful) {
        this.stateful = stateful;
    }

    public boolean stateful() {
        return stateful;
    }
}
