package io.hybridctl.plan.ipam;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One cluster's section of the committed record of pod block allocations. It exists because a CNI cannot survive its node's block changing
 * (networking.md §5.3): once a host has a block, only a deliberate edit of this file may take it away. A directory holding several specs keeps one hybridctl.lock
 * with a section per cluster name.
 */
public record LockFile(String cluster, Optional<Integer> nodeBlockSize, List<LockEntry> allocations) {

    public static final String FILE_NAME = "hybridctl.lock";

    /** Entries are kept sorted by site, then address, so that the committed file diffs cleanly. */
    public static final Comparator<LockEntry> ORDER = Comparator.comparing(LockEntry::site)
            .thenComparing(LockEntry::block).thenComparing(LockEntry::host);

    public LockFile {
        allocations = allocations.stream().sorted(ORDER).toList();
    }

    /** No allocations yet for the cluster (metadata.name of the spec). */
    public static LockFile empty(String cluster) {
        return new LockFile(cluster, Optional.empty(), List.of());
    }

    /** hybridctl.lock lives next to the spec so that both are committed together. */
    public static Path beside(Path specFile) {
        Path parent = specFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(FILE_NAME) : parent.resolve(FILE_NAME);
    }
}
