package io.hybridctl.lab.design;

import io.hybridctl.lab.LabException;
import io.hybridctl.lab.topology.AddressPlan;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.model.ModelBuilder;
import io.hybridctl.lab.topology.LabName;
import io.hybridctl.lab.topology.TopologyBuilder;
import io.hybridctl.plan.design.DesignResult;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileException;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Loads a spec and derives what the lab emulates, with plan's one derivation (same lock, allocator and intent). */
public final class LabDesigner {

    public LabDesign design(Path specFile, Optional<LabName> name) {
        LoadResult loaded = new SpecLoader().load(specFile);
        HybridCluster spec = loaded.validSpec().orElseThrow(() -> new LabException(LabException.Kind.DESIGN, specFile
                + " is not a valid spec; run `hybridctl validate -f " + specFile + "` to see why"));
        DesignResult derived;
        try {
            derived = Designer.derive(spec, specFile);
        } catch (LockFileException e) {
            throw new LabException(LabException.Kind.UNREADABLE_INPUT, "cannot read " + LockFile.beside(specFile) + ": " + e.getMessage());
        }
        NetworkIntent intent = switch (derived) {
            case DesignResult.Derived d -> d.design().intent();
            case DesignResult.Refused r -> throw new LabException(LabException.Kind.DESIGN, "pod blocks cannot be allocated: "
                    + r.problems().stream().map(p -> p.code() + " " + p.message()).collect(Collectors.joining("; ")));
        };
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
            throw new LabException(LabException.Kind.DESIGN, "the lab cannot emulate this design: " + e.getMessage());
        }
    }
}
