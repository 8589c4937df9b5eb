package io.hybridctl.lab.daemon;

import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.plan.intent.RouterConfig;

import java.util.Optional;

/** Where a site router's configuration comes from: the frr.conf and nftables ruleset plan generates for it. */
public interface RouterArtifacts {

    /** The integrated FRR configuration for the site's router. */
    String frrConf(LabDesign design, RouterConfig router);

    /** The site's on-prem firewall as an nftables ruleset, when the site has a firewall. */
    Optional<String> firewallNft(LabDesign design, String site);
}
