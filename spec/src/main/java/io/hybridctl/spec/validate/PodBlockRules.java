package io.hybridctl.spec.validate;

import io.hybridctl.net.OverlapSweep;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-node pod blocks: the size is within the plugin's range, every site's pod networks hold one block per host
 * (with the headroom reported), and pinned blocks fit, have the right size and do not collide.
 */
final class PodBlockRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        Cni cni = ctx.spec().cni();
        int block = cni.nodeBlockSize();
        int min = ctx.compat().minBlockSize(cni.plugin());
        int max = ctx.compat().maxBlockSize(cni.plugin());
        if (block < 0 || block > 32) {
            return; // not a prefix length at all: the structural check already said so
        }
        if (block < min || block > max) {
            ctx.report("DES007", "spec.cni.nodeBlockSize", "node block /" + block + " is outside " + cni.plugin().name().toLowerCase() + "'s range /" + min + " to /" + max,
                    "use a block between /" + min + " and /" + max + " (/" + Cni.defaultBlockSize(cni.plugin()) + " is the default)");
            return;
        }
        long totalBlocks = 0;
        long usedBlocks = 0;
        for (Site site : ctx.spec().sites()) {
            if (site.podNetworks().isEmpty()) {
                continue;
            }
            long capacity = 0;
            for (int i = 0; i < site.podNetworks().size(); i++) {
                Prefix p = site.podNetworks().get(i);
                if (p.length() > block) {
                    ctx.report("DES007", site.path() + ".podNetworks[" + i + "]", "pod network " + p + " is smaller than one /" + block + " node block",
                            "enlarge the pod network or use a smaller nodeBlockSize (a larger number)");
                }
                capacity += p.blockCount(block);
            }
            int hosts = site.hosts().size();
            totalBlocks += capacity;
            usedBlocks += hosts;
            if (hosts > capacity) {
                ctx.report("DES005", site.path() + ".podNetworks", "site " + site.name() + " has " + hosts + " hosts but its pod networks hold only "
                        + capacity + " /" + block + " blocks", "add pod networks or use a smaller block: " + hosts + " hosts need at least "
                        + hosts + " blocks; CNI agents on the hosts left over stay Pending");
            }
            pinned(ctx, site, block);
        }
        if (totalBlocks > 0) {
            long addrs = 1L << (32 - block);
            ctx.report("DES006", "spec.cni.nodeBlockSize", "pod address plan: " + usedBlocks + " of " + totalBlocks + " /" + block + " blocks used ("
                    + (totalBlocks - usedBlocks) + " spare, " + addrs + " pod addresses per node)",
                    "headroom is the number of hosts you can add without new pod networks");
        }
    }

    private static void pinned(ValidationContext ctx, Site site, int block) {
        List<OverlapSweep.Tagged<String>> pins = new ArrayList<>();
        for (Host h : site.hosts()) {
            if (h.podBlock().isEmpty()) {
                continue;
            }
            Prefix p = h.podBlock().get();
            String path = h.path() + ".overrides.podBlock";
            if (p.length() != block) {
                ctx.report("DES017", path, "pinned pod block " + p + " of host " + h.name() + " is not a /" + block, "pin a /" + block + " block, the cluster's nodeBlockSize");
            }
            if (site.podNetworks().stream().noneMatch(n -> n.contains(p))) {
                ctx.report("DES017", path, "pinned pod block " + p + " of host " + h.name() + " is outside site " + site.name() + "'s pod networks",
                        "pin a block inside " + site.podNetworks());
            }
            pins.add(OverlapSweep.Tagged.of(p, path));
        }
        for (var o : OverlapSweep.find(pins)) {
            ctx.report("DES017", o.later().owner(), "pinned pod block overlaps the one at " + o.earlier().owner(), "give each host its own block");
        }
    }
}
