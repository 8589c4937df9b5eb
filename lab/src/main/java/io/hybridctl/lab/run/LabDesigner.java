package io.hybridctl.lab.run;

import io.hybridctl.lab.topology.AddressPlan;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.model.ModelBuilder;
import io.hybridctl.lab.topology.LabName;
import io.hybridctl.lab.topology.TopologyBuilder;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.ipam.AllocationResult;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.LockFileException;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Loads a spec and derives what the lab emulates, the same way plan does (same allocator, same intent). */
public final class LabDesigner {

    public LabDesign design(Path specFile, Optional<LabName> name) {
        LoadResult loaded = new SpecLoader().load(specFile);
        HybridCluster spec = loaded.validSpec().orElseThrow(() -> new LabException(1, specFile
                + " is not a valid spec; run `hybridctl validate -f " + specFile + "` to see why"));
        LockFile lock;
        try {
            lock = LockFileCodec.read(LockFile.beside(specFile), spec.name());
        } catch (LockFileException e) {
            throw new LabException(2, "cannot read " + LockFile.beside(specFile) + ": " + e.getMessage());
        }
        Allocations allocations = switch (new io.hybridctl.plan.ipam.PodBlockAllocator().allocate(spec, lock)) {
            case AllocationResult.Allocated a -> a.allocations();
            case AllocationResult.Refused r -> throw new LabException(1, "pod blocks cannot be allocated: "
                    + r.problems().stream().map(p -> p.code() + " " + p.message()).collect(Collectors.joining("; ")));
        };
        NetworkIntent intent = Intents.derive(spec, allocations);
        LabName labName = name.orElseGet(() -> LabName.fromClusterName(spec.name()));
        HybridModel model = new ModelBuilder().build(spec, intent);
        List<Ipv4Address> cloud = new ArrayList<>();
        model.controlPlane().forEach(e -> cloud.add(e.address()));
        int enis = cloud.size();
        model.cloudPods().forEach(e -> cloud.add(e.address()));
        model.coreDns().forEach(e -> cloud.add(e.address()));
        try {
            return new LabDesign(labName, specFile, spec, intent, model,
                    new TopologyBuilder().build(labName, spec, AddressPlan.fromIntent(spec, intent, cloud, enis)));
        } catch (IllegalArgumentException e) {
            throw new LabException(1, "the lab cannot emulate this design: " + e.getMessage());
        }
    }
}
