package io.hybridctl.plan;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.model.HybridCluster;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a plan is rendered from, already read from disk: the validated spec, the current lock, an optional SSM
 * activation, the CA bundle PEM (IAM Roles Anywhere) and node certificates found in the pki directory (host -> PEM).
 */
public record PlanInputs(HybridCluster spec, LockFile lock, Optional<SsmActivation> activation, Optional<String> caBundlePem,
                         Map<String, String> nodeCertificates) {

    public PlanInputs {
        nodeCertificates = new TreeMap<>(nodeCertificates);
    }

    public static PlanInputs of(HybridCluster spec) {
        return new PlanInputs(spec, LockFile.empty(spec.name()), Optional.empty(), Optional.empty(), Map.of());
    }
}
