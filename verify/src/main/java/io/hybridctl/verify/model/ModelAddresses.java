package io.hybridctl.verify.model;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

/**
 * Addresses for the parts of the model a spec does not address: VPC subnets for the control-plane ENIs (one per route
 * table), the VPC's internal links, and point-to-point links per site. AWS uses 169.254.0.0/16 for tunnel inside
 * addresses, so site links come from there; cloud-internal links from 100.64.0.0/16 (RFC 6598, never a valid remote
 * network since those must be RFC 1918).
 */
final class ModelAddresses {

    private static final long LINK_LOCAL = 0xA9FE_0000L; // 169.254.0.0
    private static final long SHARED = 0x6440_0000L;     // 100.64.0.0

    private final Prefix vpc;
    private final int subnetLength;

    ModelAddresses(Prefix vpc) {
        this.vpc = vpc;
        this.subnetLength = Math.min(28, Math.max(vpc.length() + 4, 24));
    }

    /** The subnet of route table i (its control-plane ENI, cloud node and CoreDNS replica). */
    Prefix subnet(int routeTable) {
        return vpc.block(subnetLength, routeTable % Math.max(1, vpc.blockCount(subnetLength) - 1));
    }

    /** The VPC's internal segment, where route tables meet the VPC router: the last subnet-sized block. */
    Prefix core() {
        return vpc.block(subnetLength, vpc.blockCount(subnetLength) - 1);
    }

    static Ipv4Address at(Prefix p, long offset) {
        return Ipv4Address.of(p.network() + Math.min(offset, p.size() - 2));
    }

    /** Link k (0: gateway-tunnel, 1: tunnel-firewall, 2: firewall-router) of site s. */
    static Prefix siteLink(int site, int k) {
        return new Prefix(LINK_LOCAL + (site * 16L) % 65536 + 4L * k, 30);
    }

    /** Link between route table i (or the VPC router, i = 255) and the gateway. */
    static Prefix cloudLink(int i) {
        return new Prefix(SHARED + 4L * i, 30);
    }
}
