package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.Vpc;

/** With a pre-existing VPC hybridctl cannot see the AWS side, so it lists what must already be in place. */
final class ExistingVpcChecklist implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        if (!(ctx.spec().vpc() instanceof Vpc.ExistingVpc v)) {
            return;
        }
        String gateway = v.gateway().map(g -> g.id()).orElse("your TGW/VGW");
        ctx.report("DES016", "spec.vpc", "pre-existing VPC " + v.id() + ": make sure of these before deploying: "
                        + "(1) " + gateway + " is attached to the VPC; "
                        + "(2) every route table of the cluster subnets routes " + ctx.spec().remoteNodeNetworks() + (ctx.spec().cni().podsRoutable() ? " and " + ctx.spec().remotePodNetworks() : "") + " to it; "
                        + "(3) DNS hostnames and resolution are enabled; "
                        + "(4) the subnets have free IPs for the EKS cluster ENIs",
                v.routeTableIds().isEmpty() ? "list vpc.routeTableIDs so the generated template adds the routes for you" : "hybridctl's template adds the routes to the listed route tables");
    }
}
