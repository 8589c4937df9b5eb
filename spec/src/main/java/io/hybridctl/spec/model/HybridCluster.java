package io.hybridctl.spec.model;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The validated design of one hybrid cluster. Derived values are computed here, never typed twice by users. */
public record HybridCluster(String name, Cluster cluster, Vpc vpc, Credentials credentials, Cni cni, List<Site> sites) {

    public HybridCluster {
        sites = List.copyOf(sites);
    }

    /** EKS's own default: 172.20.0.0/16 when the VPC lies in 10.0.0.0/8, else 10.100.0.0/16. */
    public Prefix serviceCidr() {
        return cluster.serviceCidr().orElseGet(() -> ServiceCidrDefault.forVpc(vpc.cidrs()));
    }

    /** remoteNodeNetworks: the union of all sites' node networks, merged to the fewest exact CIDR blocks. */
    public List<Prefix> remoteNodeNetworks() {
        return merge(sites.stream().flatMap(s -> s.nodeNetworks().stream()));
    }

    /** remotePodNetworks: only when pods are routable; with podRouting none EKS must not be told about them. */
    public List<Prefix> remotePodNetworks() {
        if (!cni.podsRoutable()) {
            return List.of();
        }
        return merge(sites.stream().flatMap(s -> s.podNetworks().stream()));
    }

    public Stream<Host> hosts() {
        return sites.stream().flatMap(s -> s.hosts().stream());
    }

    public int hostCount() {
        int n = 0;
        for (Site s : sites) {
            n += s.hosts().size();
        }
        return n;
    }

    private static List<Prefix> merge(Stream<Prefix> prefixes) {
        List<Prefix> all = new ArrayList<>();
        prefixes.forEach(all::add);
        return PrefixSet.ofPrefixes(all).toPrefixes();
    }
}
