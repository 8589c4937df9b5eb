package io.hybridctl.spec.model;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.Rfc1918;

import java.util.List;

/** How EKS picks the service CIDR when none is given. */
public final class ServiceCidrDefault {

    public static final Prefix IN_TEN = new Prefix(0xAC14_0000L, 16);      // 172.20.0.0/16
    public static final Prefix OUTSIDE_TEN = new Prefix(0x0A64_0000L, 16); // 10.100.0.0/16

    private ServiceCidrDefault() {
    }

    public static Prefix forVpc(List<Prefix> vpcCidrs) {
        boolean inTen = !vpcCidrs.isEmpty() && Rfc1918.TEN.contains(vpcCidrs.get(0));
        return inTen ? IN_TEN : OUTSIDE_TEN;
    }
}
