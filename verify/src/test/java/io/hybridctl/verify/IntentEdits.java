package io.hybridctl.verify;

import io.hybridctl.plan.intent.FirewallRule;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.intent.SecurityGroupRule;
import io.hybridctl.plan.intent.VpcRoute;

import java.util.List;
import java.util.function.Predicate;

/**
 * Test-only breakage of plan's intent, for failures a valid spec cannot express (a route or rule lost on the way to
 * production). Each edit drops exactly what a real mistake would drop.
 */
final class IntentEdits {

    private IntentEdits() {
    }

    static NetworkIntent withoutVpcRoutes(NetworkIntent i, Predicate<VpcRoute> drop) {
        return copy(i, i.vpcRoutes().stream().filter(drop.negate()).toList(), i.securityGroupRules(), i.firewallRules(), i.routers());
    }

    static NetworkIntent withoutSecurityGroupRules(NetworkIntent i, Predicate<SecurityGroupRule> drop) {
        return copy(i, i.vpcRoutes(), i.securityGroupRules().stream().filter(drop.negate()).toList(), i.firewallRules(), i.routers());
    }

    static NetworkIntent withoutFirewallRules(NetworkIntent i, Predicate<FirewallRule> drop) {
        return copy(i, i.vpcRoutes(), i.securityGroupRules(), i.firewallRules().stream().filter(drop.negate()).toList(), i.routers());
    }

    static NetworkIntent withRouters(NetworkIntent i, List<RouterConfig> routers) {
        return copy(i, i.vpcRoutes(), i.securityGroupRules(), i.firewallRules(), routers);
    }

    private static NetworkIntent copy(NetworkIntent i, List<VpcRoute> vpc, List<SecurityGroupRule> sg, List<FirewallRule> fw, List<RouterConfig> routers) {
        return new NetworkIntent(i.cluster(), i.vpcCidrs(), i.routeTables(), i.serviceCidr(), i.remoteNodeNetworks(), i.remotePodNetworks(), i.podsRoutable(),
                i.allocations(), vpc, sg, fw, routers, i.ipsec(), i.bgpSpeakers(), i.loadBalancerPools(), i.masquerades());
    }
}
