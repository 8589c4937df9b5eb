package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.Vpc;

/** eksctl's vpcGatewayID rules, made exact: a hyphenated, lower-case tgw-/vgw- id, and its pre-existing-VPC gap. */
final class GatewayRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        Vpc vpc = ctx.spec().vpc();
        if (vpc.gateway().isEmpty()) {
            ctx.report("CTL006", "spec.vpc", "no vpcGatewayID: no VPC routes to the remote networks and no gateway attachment will be generated",
                    "set vpc.vpcGatewayID to the tgw-... or vgw-... that terminates the sites' VPN or Direct Connect");
            return;
        }
        String id = vpc.gateway().get().id();
        if (!id.matches("(tgw|vgw)-[0-9a-f]{8,17}")) {
            ctx.report("CTL001", "spec.vpc.vpcGatewayID", "invalid value \"" + id + "\" for vpcGatewayID; only transit gateway (tgw-*) or virtual private gateway (vgw-*) IDs are supported",
                    "write the id exactly as AWS prints it: tgw- or vgw- followed by 8 or 17 lower-case hex digits");
        }
        if (vpc instanceof Vpc.ExistingVpc existing) {
            ctx.report("CTL002", "spec.vpc.vpcGatewayID", "eksctl rejects vpcGatewayID with a pre-existing VPC",
                    "hybridctl leaves it out of eksctl/cluster.yaml and its CloudFormation adds the routes to "
                            + (existing.routeTableIds().isEmpty() ? "the route tables you list in vpc.routeTableIDs (none yet)" : existing.routeTableIds().size() + " listed route table(s)"));
        }
    }
}
