package io.hybridctl.spec.validate;

import io.hybridctl.net.OverlapSweep;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.Rfc1918;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * The EKS CIDR rules for remoteNodeNetworks and remotePodNetworks: RFC 1918, /8 to /32, at most 15 per list, and
 * no overlap with each other, any VPC CIDR or the service CIDR — across every site, in one sort-and-sweep.
 */
final class RemoteNetworkRules implements RuleGroup {

    static final int MAX_CIDRS = 15;

    private record Owner(String path, String what) {
    }

    @Override
    public void check(ValidationContext ctx) {
        HybridCluster spec = ctx.spec();
        List<OverlapSweep.Tagged<Owner>> all = new ArrayList<>();
        for (Site site : spec.sites()) {
            remote(ctx, site.nodeNetworks(), site.path() + ".nodeNetworks", "node network of site " + site.name(), all);
            remote(ctx, site.podNetworks(), site.path() + ".podNetworks", "pod network of site " + site.name(), all);
            if (spec.cni().podsRoutable() && site.podNetworks().isEmpty()) {
                ctx.report("EKS014", site.path(), "site " + site.name() + " has no podNetworks although podRouting is "
                        + spec.cni().podRouting().name().toLowerCase(), "add podNetworks, or set cni.podRouting: none");
            }
        }
        List<Prefix> vpc = spec.vpc().cidrs();
        for (int i = 0; i < vpc.size(); i++) {
            String path = spec.vpc() instanceof io.hybridctl.spec.model.Vpc.NewVpc ? "spec.vpc.cidr" : "spec.vpc.cidrs[" + i + "]";
            if (vpc.get(i).length() > 0) {
                all.add(OverlapSweep.Tagged.of(vpc.get(i), new Owner(path, "VPC CIDR")));
            }
        }
        all.add(OverlapSweep.Tagged.of(spec.serviceCidr(), new Owner("spec.cluster.serviceCIDR",
                spec.cluster().serviceCidr().isPresent() ? "service CIDR" : "default service CIDR")));
        for (var o : OverlapSweep.find(all)) {
            Owner later = o.later().owner();
            Owner earlier = o.earlier().owner();
            ctx.report("EKS003", later.path(), later.what() + " " + o.later().range().toPrefixes().get(0) + " overlaps "
                    + earlier.what() + " " + o.earlier().range().toPrefixes().get(0) + " (" + earlier.path() + ")",
                    "remote node and pod CIDRs must not overlap each other, the VPC or the service CIDR; pick a free block");
        }
        List<Prefix> nodes = spec.remoteNodeNetworks();
        if (nodes.size() > MAX_CIDRS) {
            ctx.report("EKS004", "spec.sites", "remoteNodeNetworks has " + nodes.size() + " CIDRs after merging adjacent blocks; EKS allows 15",
                    "allocate site node networks from one contiguous supernet so they merge, or consolidate sites");
        }
        List<Prefix> pods = spec.remotePodNetworks();
        if (pods.size() > MAX_CIDRS) {
            ctx.report("EKS004", "spec.sites", "remotePodNetworks has " + pods.size() + " CIDRs after merging adjacent blocks; EKS allows 15",
                    "allocate site pod networks from one contiguous supernet so they merge");
        }
    }

    private static void remote(ValidationContext ctx, List<Prefix> prefixes, String listPath, String what,
                               List<OverlapSweep.Tagged<Owner>> all) {
        for (int i = 0; i < prefixes.size(); i++) {
            Prefix p = prefixes.get(i);
            String path = listPath + "[" + i + "]";
            if (!Rfc1918.contains(p)) {
                ctx.report("EKS001", path, what + " " + p + " is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
                        "EKS accepts only RFC 1918 blocks for remote networks; renumber into a private range");
            }
            if (p.length() < 8) {
                ctx.report("EKS002", path, what + " " + p + " is larger than /8", "EKS accepts /8 to /32; split it");
            }
            all.add(OverlapSweep.Tagged.of(p, new Owner(path, what)));
        }
    }
}
