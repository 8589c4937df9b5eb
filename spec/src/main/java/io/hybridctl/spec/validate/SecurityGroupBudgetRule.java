package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.HybridCluster;

/**
 * Counts the cluster security-group rules this design needs (the AWS table: 443 in from node and pod CIDRs) against
 * the default limit of inbound rules per group; remote CIDRs are merged first, which is what keeps big designs under it.
 */
final class SecurityGroupBudgetRule implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        HybridCluster spec = ctx.spec();
        int node = spec.remoteNodeNetworks().size();
        int pod = spec.remotePodNetworks().size();
        int inbound = node + pod;
        int outbound = node + pod;
        int limit = ctx.compat().securityGroupInboundRuleLimit();
        String summary = inbound + " inbound rules (443 from " + node + " node and " + pod + " pod CIDRs) and " + outbound
                + " outbound rules (10250 to node CIDRs, webhooks to pod CIDRs)";
        if (inbound > limit) {
            ctx.report("DES014", "spec.sites", "the cluster security group needs " + summary + ", over the default limit of " + limit + " inbound rules",
                    "merge site networks into fewer CIDRs, or request a higher 'Inbound or outbound rules per security group' quota");
        } else {
            ctx.report("DES015", "spec.sites", "the cluster security group needs " + summary + "; limit " + limit, "plan renders these rules");
        }
    }
}
