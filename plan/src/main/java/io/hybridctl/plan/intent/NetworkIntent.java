package io.hybridctl.plan.intent;

import io.hybridctl.net.Prefix;
import io.hybridctl.plan.ipam.Allocations;

import java.util.List;

/**
 * The network a design asks for, in one immutable value: every artifact plan writes is rendered from it, and verify
 * builds its model from it, so the two can never disagree. {@code routeTables} are the VPC's private route tables (the
 * CloudFormation keys of a new VPC's, or an existing VPC's ids), in spec order. Lists are in a stable order (spec order, then address).
 */
public record NetworkIntent(String cluster, List<Prefix> vpcCidrs, List<String> routeTables, Prefix serviceCidr, List<Prefix> remoteNodeNetworks,
                            List<Prefix> remotePodNetworks, boolean podsRoutable, Allocations allocations,
                            List<VpcRoute> vpcRoutes, List<SecurityGroupRule> securityGroupRules,
                            List<FirewallRule> firewallRules, List<RouterConfig> routers, List<IpsecSelectors> ipsec,
                            List<BgpSpeaker> bgpSpeakers, List<LoadBalancerPool> loadBalancerPools,
                            List<Masquerade> masquerades) {

    public NetworkIntent {
        vpcCidrs = List.copyOf(vpcCidrs);
        routeTables = List.copyOf(routeTables);
        remoteNodeNetworks = List.copyOf(remoteNodeNetworks);
        remotePodNetworks = List.copyOf(remotePodNetworks);
        vpcRoutes = List.copyOf(vpcRoutes);
        securityGroupRules = List.copyOf(securityGroupRules);
        firewallRules = List.copyOf(firewallRules);
        routers = List.copyOf(routers);
        ipsec = List.copyOf(ipsec);
        bgpSpeakers = List.copyOf(bgpSpeakers);
        loadBalancerPools = List.copyOf(loadBalancerPools);
        masquerades = List.copyOf(masquerades);
    }

    /** One site's rules; for all sites at once use {@link #firewallRulesBySite()}, which is one pass. */
    public List<FirewallRule> firewallRules(String site) {
        return firewallRules.stream().filter(r -> r.site().equals(site)).toList();
    }

    /** Rules grouped by site, sites in spec order. */
    public java.util.Map<String, List<FirewallRule>> firewallRulesBySite() {
        java.util.Map<String, List<FirewallRule>> out = new java.util.LinkedHashMap<>();
        for (FirewallRule r : firewallRules) {
            out.computeIfAbsent(r.site(), k -> new java.util.ArrayList<>()).add(r);
        }
        return out;
    }
}
