package io.hybridctl.plan.render.nodeadm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * nodeadm's hybrid validator, rule by rule with its messages, minus the checks that need the host's files. First
 * failure wins, as in nodeadm. Source: aws/eks-hybrid internal/node/hybrid/validator.go at 2eaafc9 (the line of each
 * check is cited beside it); the activation formats are nodeadm.md §2 rows 8-9.
 */
public final class NodeadmRules {

    private static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private NodeadmRules() {
    }

    public static Optional<String> firstViolation(JsonNode doc) {
        JsonNode spec = doc.path("spec");
        // validator.go:26 if cfg.Spec.Cluster.Name == ""
        if (spec.path("cluster").path("name").asText("").isEmpty()) {
            return Optional.of("Name is missing in cluster configuration");
        }
        // validator.go:29 if cfg.Spec.Cluster.Region == ""
        if (spec.path("cluster").path("region").asText("").isEmpty()) {
            return Optional.of("Region is missing in cluster configuration");
        }
        // validator.go:32 extractFlagValue(cfg.Spec.Kubelet.Flags, hostnameOverrideFlag) (the last one wins, :15-19)
        String override = null;
        for (JsonNode f : spec.path("kubelet").path("flags")) {
            if (f.asText().startsWith("--hostname-override=")) {
                override = f.asText();
            }
        }
        if (override != null) {
            return Optional.of("hostname-override kubelet flag is not supported for hybrid nodes but found override: " + override);
        }
        JsonNode ssm = spec.path("hybrid").path("ssm");
        JsonNode ira = spec.path("hybrid").path("iamRolesAnywhere");
        // validator.go:35 and :38: exactly one provider
        if (ssm.isMissingNode() && ira.isMissingNode()) {
            return Optional.of("Either IAMRolesAnywhere or SSM must be provided for hybrid node configuration");
        }
        if (!ssm.isMissingNode() && !ira.isMissingNode()) {
            return Optional.of("Only one of IAMRolesAnywhere or SSM must be provided for hybrid node configuration");
        }
        if (!ssm.isMissingNode()) {
            String code = ssm.path("activationCode").asText("");
            String id = ssm.path("activationId").asText("");
            // validator.go:47 and :50
            if (code.isEmpty()) {
                return Optional.of("ActivationCode is missing in hybrid ssm configuration");
            }
            if (id.isEmpty()) {
                return Optional.of("ActivationID is missing in hybrid ssm configuration");
            }
            // nodeadm.md §2 rows 8-9 (activation formats)
            if (code.length() < 20 || code.length() > 250) {
                return Optional.of("invalid ActivationCode format. Must be 20-250 characters");
            }
            if (!ID.matcher(id).matches()) {
                return Optional.of("invalid ActivationID format: " + id);
            }
            return Optional.empty();
        }
        // validator.go:67, :70, :73 (validateRolesAnywhereNode)
        for (String field : new String[] {"roleArn", "profileArn", "trustAnchorArn"}) {
            if (ira.path(field).asText("").isEmpty()) {
                return Optional.of(field + " is missing in hybrid iam roles anywhere configuration");
            }
        }
        String name = ira.path("nodeName").asText("");
        // validator.go:76 and :79
        if (name.isEmpty()) {
            return Optional.of("NodeName can't be empty in hybrid iam roles anywhere configuration");
        }
        if (name.length() > 64) {
            return Optional.of("NodeName can't be longer than 64 characters in hybrid iam roles anywhere configuration");
        }
        // validator.go:82 and :85; the files themselves (:89, :93) are install.sh's check on the host
        if (ira.path("certificatePath").asText("").isEmpty() || ira.path("privateKeyPath").asText("").isEmpty()) {
            return Optional.of("CertificatePath/PrivateKeyPath is missing");
        }
        return Optional.empty();
    }
}
