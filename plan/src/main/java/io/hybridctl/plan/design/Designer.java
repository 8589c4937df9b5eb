package io.hybridctl.plan.design;

import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.ipam.AllocationResult;
import io.hybridctl.plan.ipam.IpamProblem;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.LockFileException;
import io.hybridctl.plan.ipam.PodBlockAllocator;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one derivation of a design: a loaded spec and its lock become pod blocks and the network intent. plan, verify
 * and the lab all start here, so no other module reads the lock or allocates.
 */
public final class Designer {

    /** Lenient derivation gives up after this many retries (each drops the lock or the hosts a refusal names). */
    private static final int LENIENT_ATTEMPTS = 8;

    private Designer() {
    }

    /** Strict: what plan renders and the lab builds. A refused allocation is the user's to fix. */
    public static DesignResult derive(HybridCluster spec, LockFile lock) {
        return switch (new PodBlockAllocator().allocate(spec, lock)) {
            case AllocationResult.Allocated a -> new DesignResult.Derived(new Design(spec, a.allocations(),
                    Intents.derive(spec, a.allocations()), List.of()));
            case AllocationResult.Refused r -> new DesignResult.Refused(r.problems());
        };
    }

    /** Strict, with the lock that lives beside the spec file (none yet: every block is new). */
    public static DesignResult derive(HybridCluster spec, Path specFile) throws LockFileException {
        return derive(spec, LockFileCodec.read(LockFile.beside(specFile), spec.name()));
    }

    /**
     * Lenient: for broken designs, which verify exists to explain. An unreadable lock is ignored; when allocation is
     * refused (a stale lock, a full site, two pinned hosts on one block) it is retried without the lock, then without
     * the hosts it names, so that the rest of the design can still be derived. Every such step is said in the notes.
     */
    public static Design deriveLenient(HybridCluster spec, Optional<Path> lockFile) {
        List<String> notes = new ArrayList<>();
        LockFile lock = LockFile.empty(spec.name());
        if (lockFile.isPresent() && Files.exists(lockFile.get())) {
            try {
                lock = LockFileCodec.read(lockFile.get(), spec.name());
            } catch (LockFileException e) {
                notes.add("hybridctl.lock cannot be read (" + e.getMessage() + "); pod blocks are allocated afresh");
            }
        }
        HybridCluster current = spec;
        for (int attempt = 0; attempt < LENIENT_ATTEMPTS; attempt++) {
            AllocationResult result = new PodBlockAllocator().allocate(current, lock);
            if (result instanceof AllocationResult.Allocated a) {
                return new Design(current, a.allocations(), Intents.derive(current, a.allocations()), notes);
            }
            List<IpamProblem> problems = ((AllocationResult.Refused) result).problems();
            problems.forEach(p -> notes.add("pod block allocation: " + p.code() + " " + p.message()));
            if (!lock.allocations().isEmpty() || lock.nodeBlockSize().isPresent()) {
                lock = LockFile.empty(spec.name());
                notes.add("verifying with freshly allocated pod blocks instead of hybridctl.lock");
                continue;
            }
            List<String> paths = problems.stream().map(IpamProblem::path).toList();
            current = withoutHosts(current, paths);
            notes.add("hosts without a pod block are left out: " + paths);
        }
        throw new IllegalStateException("pod blocks cannot be allocated for this spec");
    }

    /** The spec without the named hosts; the other hosts of their sites lose their pinned blocks too. */
    private static HybridCluster withoutHosts(HybridCluster spec, List<String> hostPaths) {
        List<Site> sites = new ArrayList<>();
        for (Site s : spec.sites()) {
            List<Host> kept = s.hosts().stream().filter(h -> !hostPaths.contains(h.path())).toList();
            boolean touched = hostPaths.stream().anyMatch(p -> p.startsWith(s.path() + "."));
            List<Host> unpinned = new ArrayList<>();
            for (Host h : kept) {
                unpinned.add(touched && h.podBlock().isPresent()
                        ? new Host(h.name(), h.site(), h.siteIndex(), h.index(), h.address(), h.os(), h.osVersion(), h.arch(), h.labels(),
                        Optional.empty(), h.kubeletFlags(), h.asn()) : h);
            }
            sites.add(new Site(s.name(), s.index(), s.zone(), s.nodeNetworks(), s.podNetworks(), s.router(), s.connection(), s.loadBalancer(),
                    s.firewall(), unpinned));
        }
        return new HybridCluster(spec.name(), spec.cluster(), spec.vpc(), spec.credentials(), spec.cni(), sites);
    }
}
