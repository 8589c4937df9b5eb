package io.hybridctl.spec.validate;

import io.hybridctl.spec.diag.RuleCatalog;
import io.hybridctl.spec.compat.CompatibilityMatrix;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.yaml.SourceMap;

import java.util.List;

/** Runs every rule over a model and returns all findings, never just the first. */
public final class Validator {

    private static final List<RuleGroup> RULES = List.of(
            new ClusterRules(),
            new RemoteNetworkRules(),
            new GatewayRules(),
            new CredentialRules(),
            new HostRules(),
            new AddressPlanRules(),
            new PodBlockRules(),
            new RoutingRules(),
            new SelectorRules(),
            new SiteRules(),
            new SecurityGroupBudgetRule(),
            new ExistingVpcChecklist());

    private final CompatibilityMatrix compat;

    public Validator(CompatibilityMatrix compat) {
        this.compat = compat;
    }

    public List<Diagnostic> validate(HybridCluster spec, SourceMap sources) {
        ValidationContext ctx = new ValidationContext(spec, sources, compat, RuleCatalog.get());
        for (RuleGroup rule : RULES) {
            rule.check(ctx);
        }
        return ctx.findings();
    }
}
