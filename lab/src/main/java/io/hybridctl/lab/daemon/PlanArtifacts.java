package io.hybridctl.lab.daemon;

import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.plan.intent.FirewallRule;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.render.site.FirewallRenderer;
import io.hybridctl.plan.render.site.FrrRenderer;

import java.util.List;
import java.util.Optional;

/**
 * The router configuration exactly as `hybridctl plan` renders it (sites/SITE/router/frr.conf and
 * sites/SITE/firewall/rules.nft), from the same renderers, so the lab runs what a user would deploy.
 */
public final class PlanArtifacts implements RouterArtifacts {

    /**
     * plan's ruleset accepts the listed flows and only counts the rest (policy accept) until reviewed. With
     * {@code enforce} the lab turns the forward chain's policy to drop after loading it unchanged, as the firewall
     * would be run in production, so that a missing rule shows as a failing flow.
     */
    private final boolean enforce;

    public PlanArtifacts(boolean enforce) {
        this.enforce = enforce;
    }

    @Override
    public String frrConf(LabDesign design, RouterConfig router) {
        return new FrrRenderer().render(design.spec().name(), router);
    }

    @Override
    public Optional<String> firewallNft(LabDesign design, String site) {
        List<FirewallRule> rules = design.intent().firewallRules(site);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String ruleset = new FirewallRenderer().nftables(design.spec().name(), site, rules);
        if (enforce) {
            ruleset = ruleset + "\nchain inet " + FirewallTable.name(site) + " forward { policy drop; }\n";
        }
        return Optional.of(ruleset);
    }
}
