package io.hybridctl.lab.topology;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses and routing decisions the lab takes from the design rather than inventing: each host's pod block,
 * the control-plane ENI addresses, what the VPC routes to each site and what each VPN's selectors let through.
 */
public record AddressPlan(Map<String, Prefix> podBlocks, List<Ipv4Address> apiServerAddresses, int eniLength,
                          Map<String, List<Prefix>> vpcRoutes, Map<String, List<Prefix>> onPremSelectors,
                          Map<String, List<Prefix>> cloudSelectors) {

    public AddressPlan {
        podBlocks = Map.copyOf(podBlocks);
        apiServerAddresses = List.copyOf(apiServerAddresses);
        vpcRoutes = Map.copyOf(vpcRoutes);
        onPremSelectors = Map.copyOf(onPremSelectors);
        cloudSelectors = Map.copyOf(cloudSelectors);
    }

    /**
     * The plan as the spec alone determines it: a host's pinned pod block, else the site's pod networks cut into
     * node blocks in host order (what Cilium's cluster-pool and the per-host Calico pools of plan do); selectors
     * as written, else derived (site networks on premises, the VPC CIDRs in the cloud).
     */
    public static AddressPlan fromSpec(HybridCluster spec) {
        Map<String, Prefix> blocks = new LinkedHashMap<>();
        Map<String, List<Prefix>> vpcRoutes = new LinkedHashMap<>();
        Map<String, List<Prefix>> onPrem = new LinkedHashMap<>();
        Map<String, List<Prefix>> cloud = new LinkedHashMap<>();
        int blockLength = spec.cni().nodeBlockSize();
        for (Site site : spec.sites()) {
            List<Prefix> free = new ArrayList<>();
            for (Prefix pool : site.podNetworks()) {
                free.addAll(pool.length() <= blockLength ? pool.split(blockLength) : List.of(pool));
            }
            for (Host host : site.hosts()) {
                host.podBlock().ifPresent(free::remove);
            }
            int next = 0;
            for (Host host : site.hosts()) {
                Prefix block = host.podBlock().orElse(null);
                if (block == null) {
                    if (next >= free.size()) {
                        throw new IllegalArgumentException("site " + site.name() + " has no pod block left for host "
                                + host.name() + " (pod networks too small for /" + blockLength + " per node)");
                    }
                    block = free.get(next++);
                }
                blocks.put(host.name(), block);
            }
            List<Prefix> siteRoutes = new ArrayList<>(site.nodeNetworks());
            if (spec.cni().podsRoutable()) {
                siteRoutes.addAll(site.podNetworks());
            }
            vpcRoutes.put(site.name(), siteRoutes);
            onPrem.put(site.name(), site.connection().onPremSelectors().filter(l -> !l.isEmpty()).orElse(siteRoutes));
            cloud.put(site.name(), site.connection().cloudSelectors().filter(l -> !l.isEmpty()).orElse(spec.vpc().cidrs()));
        }
        Prefix vpc = spec.vpc().cidrs().getFirst();
        return new AddressPlan(blocks, List.of(vpc.first().plus(10)), 32, vpcRoutes, onPrem, cloud);
    }

}
