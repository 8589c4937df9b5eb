package io.hybridctl.plan.intent;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * What a site reaches through its VPN or Direct Connect: the VPC, and every other site's networks, because sites
 * talk to each other through the transit gateway (hub and spoke), never directly. The merged remote networks are
 * at most 30 blocks (EKS allows 15 per list), so "all minus this site" stays cheap for thousands of sites.
 */
final class Upstream {

    private final List<Prefix> vpc;
    private final PrefixSet allSites;
    private final boolean podsRoutable;

    Upstream(HybridCluster spec) {
        this.vpc = spec.vpc().cidrs();
        this.podsRoutable = spec.cni().podsRoutable();
        List<Prefix> remote = new ArrayList<>(spec.remoteNodeNetworks());
        remote.addAll(spec.remotePodNetworks());
        this.allSites = spec.sites().size() > 1 ? PrefixSet.ofPrefixes(remote) : PrefixSet.empty();
    }

    List<Prefix> of(Site site) {
        List<Prefix> out = new ArrayList<>(vpc);
        if (allSites.isEmpty()) {
            return out;
        }
        List<Prefix> own = new ArrayList<>(site.nodeNetworks());
        if (podsRoutable) {
            own.addAll(site.podNetworks());
        }
        out.addAll(allSites.minus(PrefixSet.ofPrefixes(own)).toPrefixes());
        return out;
    }
}
