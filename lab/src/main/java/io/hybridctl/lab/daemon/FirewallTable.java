package io.hybridctl.lab.daemon;

import java.util.Locale;

/** The nftables table plan's rules.nft declares for a site: {@code inet hybridctl_<site>}. */
public final class FirewallTable {

    private FirewallTable() {
    }

    public static String name(String site) {
        String id = site.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return "hybridctl_" + (id.isEmpty() ? "x" : id);
    }
}
