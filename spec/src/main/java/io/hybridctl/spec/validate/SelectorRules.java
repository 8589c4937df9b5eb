package io.hybridctl.spec.validate;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.List;

/**
 * Explicit IPsec selectors must carry every flow the cluster needs: node networks (and pod networks when pods are
 * routable) on the on-prem side, the VPC on the cloud side. A missing pod CIDR here shows up later as webhook timeouts.
 */
final class SelectorRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        HybridCluster spec = ctx.spec();
        PrefixSet vpc = PrefixSet.ofPrefixes(spec.vpc().cidrs());
        for (Site site : spec.sites()) {
            Site.Connection c = site.connection();
            String base = site.path() + ".connection";
            if (c.type() == Site.ConnectionType.VPN && c.vpnEndpoint().isEmpty()) {
                ctx.report("DES022", base, "site " + site.name() + " uses a VPN but has no vpnEndpoint", "add connection.vpnEndpoint: the public address of the on-prem VPN device");
            }
            if (c.type() == Site.ConnectionType.DIRECT_CONNECT && (c.onPremSelectors().isPresent() || c.cloudSelectors().isPresent())) {
                ctx.report("DES022", base + ".selectors", "selectors are IPsec settings and have no meaning for Direct Connect", "remove connection.selectors");
            }
            c.onPremSelectors().ifPresent(sel -> {
                PrefixSet covered = PrefixSet.ofPrefixes(sel);
                missing(ctx, base + ".selectors.onPrem", covered, site.nodeNetworks(), "node network");
                if (spec.cni().podsRoutable()) {
                    missing(ctx, base + ".selectors.onPrem", covered, site.podNetworks(), "pod network");
                }
            });
            c.cloudSelectors().ifPresent(sel -> {
                PrefixSet covered = PrefixSet.ofPrefixes(sel);
                if (!vpc.minus(covered).isEmpty()) {
                    ctx.report("DES018", base + ".selectors.cloud", "the cloud-side selectors do not cover the VPC " + spec.vpc().cidrs(),
                            "include every VPC CIDR; the EKS control-plane ENIs live there");
                }
            });
        }
    }

    private static void missing(ValidationContext ctx, String path, PrefixSet covered, List<Prefix> needed, String what) {
        for (Prefix p : needed) {
            if (!covered.contains(p)) {
                ctx.report("DES018", path, "the on-prem selectors do not cover " + what + " " + p + "; its traffic will not enter the tunnel",
                        "add " + p + " to connection.selectors.onPrem, or remove the override to derive selectors");
            }
        }
    }
}
