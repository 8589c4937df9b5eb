package io.hybridctl.plan;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.model.HybridCluster;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a plan is rendered from, already read from disk: the validated spec, the current lock, an optional SSM
 * activation, the CA bundle PEM (IAM Roles Anywhere), node certificates found in the pki directory (host -> PEM) and,
 * from the deployed stack's outputs, the IAM Roles Anywhere ARNs the NodeConfigs need.
 */
public record PlanInputs(HybridCluster spec, LockFile lock, Optional<SsmActivation> activation, Optional<String> caBundlePem,
                         Map<String, String> nodeCertificates, Optional<NodeCredentials.IamRolesAnywhere> iamRolesAnywhere) {

    public PlanInputs {
        nodeCertificates = new TreeMap<>(nodeCertificates);
    }

    /** Inputs without stack outputs: the NodeConfigs of IAM Roles Anywhere hosts keep their ARN placeholders. */
    public PlanInputs(HybridCluster spec, LockFile lock, Optional<SsmActivation> activation, Optional<String> caBundlePem,
                      Map<String, String> nodeCertificates) {
        this(spec, lock, activation, caBundlePem, nodeCertificates, Optional.empty());
    }

    public static PlanInputs of(HybridCluster spec) {
        return new PlanInputs(spec, LockFile.empty(spec.name()), Optional.empty(), Optional.empty(), Map.of());
    }
}
