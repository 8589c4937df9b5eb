package io.hybridctl.aws.cluster;

import io.hybridctl.net.Prefix;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** An EKS cluster's remote node and pod CIDRs (one list each: the API allows one item per list). */
public record RemoteNetworks(List<String> nodeCidrs, List<String> podCidrs) {

    public RemoteNetworks {
        nodeCidrs = List.copyOf(new TreeSet<>(nodeCidrs));
        podCidrs = List.copyOf(new TreeSet<>(podCidrs));
    }

    public static RemoteNetworks of(List<Prefix> nodes, List<Prefix> pods) {
        return new RemoteNetworks(nodes.stream().map(Prefix::toString).toList(), pods.stream().map(Prefix::toString).toList());
    }

    public boolean isEmpty() {
        return nodeCidrs.isEmpty() && podCidrs.isEmpty();
    }

    /** What going from {@code current} to this would add and remove, per list. */
    public Change from(RemoteNetworks current) {
        return new Change(current, this, minus(nodeCidrs, current.nodeCidrs), minus(current.nodeCidrs, nodeCidrs),
                minus(podCidrs, current.podCidrs), minus(current.podCidrs, podCidrs));
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    /** A remoteNetworkConfig change; empty when the cluster already matches. */
    public record Change(RemoteNetworks before, RemoteNetworks after, List<String> addedNodes, List<String> removedNodes,
                         List<String> addedPods, List<String> removedPods) {
        public boolean empty() {
            return addedNodes.isEmpty() && removedNodes.isEmpty() && addedPods.isEmpty() && removedPods.isEmpty();
        }

        public List<String> removed() {
            List<String> all = new ArrayList<>(removedNodes);
            all.addAll(removedPods);
            return all;
        }
    }
}
