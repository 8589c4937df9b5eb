package io.hybridctl.spec.validate;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.Rfc1918;
import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Vpc;

/** EKS control-plane prerequisites for hybrid nodes: auth mode, IP family, endpoint, region, VPC shape. */
final class ClusterRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        var spec = ctx.spec();
        Cluster c = spec.cluster();
        if (!spec.name().isEmpty() && !spec.name().matches("[A-Za-z][A-Za-z0-9-]{0,99}")) {
            ctx.report("EKS013", "metadata.name", "cluster name '" + spec.name() + "' is not a valid EKS cluster name",
                    "use 1-100 letters, digits and hyphens, starting with a letter");
        }
        if (c.ipFamily() == Cluster.IpFamily.IPV6) {
            ctx.report("EKS005", "spec.cluster.ipFamily", "hybrid nodes are not supported on IPv6 clusters",
                    "set ipFamily: ipv4 (or remove it)");
        }
        if (c.authenticationMode() == Cluster.AuthenticationMode.CONFIG_MAP) {
            ctx.report("EKS006", "spec.cluster.authenticationMode",
                    "AccessConfig AuthMode must be API_AND_CONFIG_MAP or API when remoteNetworkConfig is specified",
                    "set authenticationMode: API_AND_CONFIG_MAP (keeps aws-auth working) or API");
        }
        if (c.endpointAccess() == Cluster.EndpointAccess.PUBLIC_AND_PRIVATE) {
            ctx.report("EKS007", "spec.cluster.endpointAccess",
                    "public-and-private endpoint access: hybrid nodes outside the VPC resolve the endpoint to its public IPs",
                    "use public, or private with on-prem DNS forwarding to a Route 53 inbound resolver");
        }
        if (c.region().isEmpty()) {
            // missing: already reported by the structural check
        } else if (!c.region().matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            ctx.report("EKS010", "spec.cluster.region", "'" + c.region() + "' is not an AWS Region name", "write a Region such as us-west-2");
        } else {
            for (String prefix : ctx.compat().unsupportedRegionPrefixes()) {
                if (c.region().startsWith(prefix)) {
                    ctx.report("EKS010", "spec.cluster.region", "EKS Hybrid Nodes is not available in " + c.region(),
                            "hybrid nodes work in all commercial Regions except AWS GovCloud (US) and China; pick one of those");
                }
            }
        }
        c.serviceCidr().ifPresent(svc -> {
            if (!Rfc1918.contains(svc) || svc.length() < 12 || svc.length() > 24) {
                ctx.report("EKS011", "spec.cluster.serviceCIDR", "service CIDR " + svc + " must be an RFC 1918 block between /12 and /24",
                        "pick a private /16 that nothing else uses, e.g. 172.20.0.0/16");
            }
        });
        switch (spec.vpc()) {
            case Vpc.NewVpc v -> {
                long zones = v.availabilityZones().stream().distinct().count();
                if (zones < 2) {
                    ctx.report("EKS008", "spec.vpc.availabilityZones", "EKS needs subnets in at least 2 availability zones, " + zones + " given",
                            "list two or more zones, e.g. [" + c.region() + "a, " + c.region() + "b]");
                }
                for (String z : v.availabilityZones()) {
                    if (!z.startsWith(c.region())) {
                        ctx.report("EKS008", "spec.vpc.availabilityZones", "zone '" + z + "' is not in Region " + c.region(),
                                "use zones of " + c.region());
                    }
                }
                if (v.cidr().length() > 0) {
                    vpcSize(ctx, v.cidr(), "spec.vpc.cidr");
                }
            }
            case Vpc.ExistingVpc v -> {
                if (v.subnetIds().size() < 2) {
                    ctx.report("EKS008", "spec.vpc.subnetIDs", "EKS needs at least 2 subnets in 2 availability zones, " + v.subnetIds().size() + " given",
                            "list the ids of two or more subnets in different zones");
                }
                if (!v.dnsHostnames() || !v.dnsSupport()) {
                    ctx.report("EKS009", "spec.vpc", "the VPC has DNS " + (!v.dnsSupport() ? "resolution" : "hostnames") + " disabled",
                            "enable both: aws ec2 modify-vpc-attribute --vpc-id " + v.id() + " --enable-dns-hostnames / --enable-dns-support");
                }
                if (v.cidrs().isEmpty()) {
                    ctx.report("EKS012", "spec.vpc.cidrs", "the existing VPC lists no CIDR, so overlaps with it cannot be checked",
                            "list every CIDR of the VPC: aws ec2 describe-vpcs --vpc-ids " + v.id() + " --query 'Vpcs[].CidrBlockAssociationSet[].CidrBlock'");
                }
                if (!v.id().matches("vpc-[0-9a-f]{8,17}")) {
                    ctx.report("EKS012", "spec.vpc.id", "'" + v.id() + "' is not a VPC id", "write the id as vpc- followed by 8 or 17 hex digits");
                }
                for (int i = 0; i < v.cidrs().size(); i++) {
                    vpcSize(ctx, v.cidrs().get(i), "spec.vpc.cidrs[" + i + "]");
                }
            }
        }
    }

    private static void vpcSize(ValidationContext ctx, Prefix cidr, String path) {
        if (cidr.length() < 16 || cidr.length() > 28) {
            ctx.report("EKS012", path, "VPC CIDR " + cidr + " must be between /16 and /28", "use a /16 to /28 block");
        }
    }
}
