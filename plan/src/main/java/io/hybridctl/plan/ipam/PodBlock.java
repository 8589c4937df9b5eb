package io.hybridctl.plan.ipam;

import io.hybridctl.net.Prefix;

/** A host's pod block and why it has that block. */
public record PodBlock(String host, String site, Prefix block, Origin origin) {

    public enum Origin {
        /** the spec pins it (hosts[].overrides.podBlock) */
        PINNED,
        /** hybridctl.lock already recorded it */
        LOCKED,
        /** first free block of the site, given in this run */
        NEW
    }
}
