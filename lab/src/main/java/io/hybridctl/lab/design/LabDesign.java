package io.hybridctl.lab.design;

import io.hybridctl.lab.topology.LabName;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.verify.model.HybridModel;

import java.nio.file.Path;

/** One design to emulate: the spec, plan's intent, verify's model of it, and the lab topology derived from them. */
public record LabDesign(LabName name, Path specFile, HybridCluster spec, NetworkIntent intent, HybridModel model,
                        LabTopology topology) {
}
