package io.hybridctl.plan.ipam;

import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every host's pod block, in spec order. Immutable. */
public final class Allocations {

    private final String cluster;
    private final int nodeBlockSize;
    private final Map<String, PodBlock> byHost;

    Allocations(String cluster, int nodeBlockSize, List<PodBlock> blocks) {
        this.cluster = cluster;
        this.nodeBlockSize = nodeBlockSize;
        Map<String, PodBlock> map = new LinkedHashMap<>();
        for (PodBlock b : blocks) {
            map.put(b.host(), b);
        }
        this.byHost = Collections.unmodifiableMap(map);
    }

    public int nodeBlockSize() {
        return nodeBlockSize;
    }

    public Optional<PodBlock> find(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /** The block of a host of the spec these allocations were made for. */
    public Prefix blockOf(Host host) {
        PodBlock b = byHost.get(host.name());
        if (b == null) {
            throw new IllegalArgumentException("no pod block for host " + host.name() + "; allocations belong to another spec");
        }
        return b.block();
    }

    public List<PodBlock> all() {
        return List.copyOf(byHost.values());
    }

    public int size() {
        return byHost.size();
    }

    /** What hybridctl.lock must say after this run. */
    public LockFile toLockFile() {
        List<LockEntry> entries = new ArrayList<>(byHost.size());
        for (PodBlock b : byHost.values()) {
            entries.add(new LockEntry(b.host(), b.site(), b.block()));
        }
        return new LockFile(cluster, Optional.of(nodeBlockSize), entries);
    }
}
