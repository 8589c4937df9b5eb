package io.hybridctl.lab.topology;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.plan.intent.IpsecSelectors;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.VpcRoute;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses and routing decisions the lab takes from the design rather than inventing: each host's pod block,
 * the control-plane ENI addresses and the other cloud endpoints (cloud pods, CoreDNS) as verify's model places them,
 * what the VPC routes to each site and what each VPN's selectors let through.
 */
public record AddressPlan(Map<String, Prefix> podBlocks, List<Ipv4Address> apiServerAddresses, List<Ipv4Address> cloudAddresses,
                          Map<String, List<Prefix>> vpcRoutes, Map<String, List<Prefix>> onPremSelectors,
                          Map<String, List<Prefix>> cloudSelectors) {

    public AddressPlan {
        podBlocks = Map.copyOf(podBlocks);
        apiServerAddresses = List.copyOf(apiServerAddresses);
        cloudAddresses = List.copyOf(cloudAddresses);
        vpcRoutes = Map.copyOf(vpcRoutes);
        onPremSelectors = Map.copyOf(onPremSelectors);
        cloudSelectors = Map.copyOf(cloudSelectors);
    }

    /**
     * The plan as plan's network intent has it: pod blocks from its allocations; per site, the VPC routes it
     * renders narrowed to what the site's VPN selectors carry (the TGW/VGW sends a prefix to the attachment whose
     * VPN announces it); selectors from its IPsec children.
     */
    public static AddressPlan fromIntent(HybridCluster spec, NetworkIntent intent, List<Ipv4Address> cloud, int eniCount) {
        Map<String, Prefix> blocks = new LinkedHashMap<>();
        intent.allocations().all().forEach(b -> blocks.put(b.host(), b.block()));
        Map<String, List<Prefix>> vpcRoutes = new LinkedHashMap<>();
        Map<String, List<Prefix>> onPrem = new LinkedHashMap<>();
        Map<String, List<Prefix>> cloudSelectors = new LinkedHashMap<>();
        PrefixSet routed = PrefixSet.ofPrefixes(intent.vpcRoutes().stream().map(VpcRoute::destination).toList());
        for (Site site : spec.sites()) {
            List<Prefix> local = new ArrayList<>();
            List<Prefix> remote = new ArrayList<>();
            Optional<IpsecSelectors> selectors = intent.ipsec().stream().filter(i -> i.site().equals(site.name())).findFirst();
            if (selectors.isPresent()) {
                for (IpsecSelectors.Child child : selectors.get().children()) {
                    child.local().stream().filter(p -> !local.contains(p)).forEach(local::add);
                    child.remote().stream().filter(p -> !remote.contains(p)).forEach(remote::add);
                }
            } else {
                // Direct Connect: no selectors; the site's networks go over it as routed.
                local.addAll(site.nodeNetworks());
                if (intent.podsRoutable()) {
                    local.addAll(site.podNetworks());
                }
                remote.addAll(intent.vpcCidrs());
            }
            onPrem.put(site.name(), local);
            cloudSelectors.put(site.name(), remote);
            vpcRoutes.put(site.name(), PrefixSet.ofPrefixes(local).intersect(routed).toPrefixes());
        }
        return new AddressPlan(blocks, cloud.subList(0, eniCount), cloud.subList(eniCount, cloud.size()), vpcRoutes, onPrem,
                cloudSelectors);
    }
}
