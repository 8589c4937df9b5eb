package io.hybridctl.plan.ipam;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every host a pod block of cni.nodeBlockSize from its site's pod networks, in three passes: pinned blocks
 * (hosts[].overrides.podBlock), then blocks hybridctl.lock already records, then the first free block for each new
 * host in spec order. Existing blocks are never moved: a locked block that no longer fits is an error with a
 * remediation. All blocks have the same size and are aligned, so two blocks overlap exactly when their network
 * addresses are equal, and a hash set of taken addresses plus one forward cursor per site keeps this linear.
 */
public final class PodBlockAllocator {

    public AllocationResult allocate(HybridCluster spec, LockFile lock) {
        int size = spec.cni().nodeBlockSize();
        if (lock.nodeBlockSize().isPresent() && lock.nodeBlockSize().get() != size && !lock.allocations().isEmpty()) {
            int was = lock.nodeBlockSize().get();
            return new AllocationResult.Refused(List.of(new IpamProblem(IpamProblem.LOCKED_BLOCK_LOST, "spec.cni.nodeBlockSize",
                    "nodeBlockSize is /" + size + " but hybridctl.lock holds /" + was + " blocks for " + lock.allocations().size()
                            + " hosts; changing the size would renumber every node",
                    "set nodeBlockSize back to " + was + "; to really change it, drain every node, reinstall the CNI and delete hybridctl.lock")));
        }
        Map<String, LockEntry> locked = new HashMap<>();
        for (LockEntry e : lock.allocations()) {
            locked.put(e.host(), e);
        }
        Map<Long, String> taken = new HashMap<>();
        Map<String, PodBlock> given = new HashMap<>();
        List<IpamProblem> problems = new ArrayList<>();

        for (Site site : spec.sites()) {
            for (Host h : site.hosts()) {
                h.podBlock().ifPresent(p -> claim(h, p, PodBlock.Origin.PINNED, taken, given, problems,
                        "give " + h.name() + " a free block, or drop its podBlock override"));
            }
        }
        for (Site site : spec.sites()) {
            PrefixSet pool = PrefixSet.ofPrefixes(site.podNetworks());
            for (Host h : site.hosts()) {
                LockEntry e = locked.get(h.name());
                if (h.podBlock().isPresent() || e == null) {
                    continue;
                }
                if (e.block().length() != size || !pool.contains(e.block())) {
                    problems.add(new IpamProblem(IpamProblem.LOCKED_BLOCK_LOST, site.path() + ".podNetworks",
                            "host " + h.name() + " holds pod block " + e.block() + " in hybridctl.lock, which is outside site " + site.name()
                                    + "'s pod networks " + site.podNetworks() + "; moving it would break the CNI on that node",
                            "add a pod network containing " + e.block() + " back to " + site.path() + ".podNetworks, or drain " + h.name()
                                    + ", delete its entry from hybridctl.lock and run plan again to give it a new block"));
                    continue;
                }
                claim(h, e.block(), PodBlock.Origin.LOCKED, taken, given, problems,
                        "hybridctl.lock gives " + e.block() + " to two hosts; keep the entry of the node that runs with it");
            }
        }
        if (!problems.isEmpty()) {
            return new AllocationResult.Refused(problems);
        }
        for (Site site : spec.sites()) {
            Cursor cursor = new Cursor(site.podNetworks(), size);
            for (Host h : site.hosts()) {
                if (given.containsKey(h.name())) {
                    continue;
                }
                Prefix next = cursor.nextFree(taken);
                if (next == null) {
                    problems.add(new IpamProblem(IpamProblem.SITE_FULL, h.path(), "site " + site.name() + " has no free /" + size
                            + " pod block left for host " + h.name(), "add a pod network to " + site.path() + ".podNetworks"));
                    continue;
                }
                claim(h, next, PodBlock.Origin.NEW, taken, given, problems, "");
            }
        }
        if (!problems.isEmpty()) {
            return new AllocationResult.Refused(problems);
        }
        List<PodBlock> ordered = new ArrayList<>(given.size());
        spec.hosts().forEach(h -> ordered.add(given.get(h.name())));
        return new AllocationResult.Allocated(new Allocations(spec.name(), size, ordered));
    }

    private static void claim(Host h, Prefix block, PodBlock.Origin origin, Map<Long, String> taken, Map<String, PodBlock> given,
                              List<IpamProblem> problems, String remediation) {
        String owner = taken.putIfAbsent(block.network(), h.name());
        if (owner != null && !owner.equals(h.name())) {
            problems.add(new IpamProblem(IpamProblem.BLOCK_CLAIMED_TWICE, h.path(), "pod block " + block + " of host " + h.name()
                    + " already belongs to host " + owner, remediation));
            return;
        }
        given.put(h.name(), new PodBlock(h.name(), h.site(), block, origin));
    }

    /** Walks a site's pod networks block by block, never backwards, so each block is looked at once per run. */
    private static final class Cursor {
        private final List<Prefix> networks;
        private final int size;
        private int network;
        private long index;

        Cursor(List<Prefix> networks, int size) {
            this.networks = networks;
            this.size = size;
        }

        Prefix nextFree(Map<Long, String> taken) {
            while (network < networks.size()) {
                Prefix n = networks.get(network);
                long count = n.blockCount(size);
                while (index < count) {
                    Prefix candidate = n.block(size, index++);
                    if (!taken.containsKey(candidate.network())) {
                        return candidate;
                    }
                }
                network++;
                index = 0;
            }
            return null;
        }
    }
}
