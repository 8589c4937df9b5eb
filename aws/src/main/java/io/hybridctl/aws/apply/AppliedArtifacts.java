package io.hybridctl.aws.apply;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plan's output tree once AWS has answered: stack-outputs.json, the NodeConfigs re-rendered by plan's own
 * NodeConfigRenderer with the stack's IAM Roles Anywhere ARNs or the site's SSM activation, and each site's
 * activation in ssm/SITE.json (0600, the shape `aws ssm create-activation` prints, so `plan --ssm-activation` reads it).
 */
public final class AppliedArtifacts {

    public static final String STACK_OUTPUTS = "stack-outputs.json";

    private AppliedArtifacts() {
    }

    public static String activationPath(String site) {
        return "ssm/" + site + ".json";
    }

    /** Activations written by an earlier apply into {@code out}, so a later apply does not drop them. */
    public static Map<String, SsmActivation> earlierActivations(HybridCluster spec, Path out) throws PlanInputException {
        Map<String, SsmActivation> found = new LinkedHashMap<>();
        for (var site : spec.sites()) {
            Path f = out.resolve(activationPath(site.name()));
            if (Files.isRegularFile(f)) {
                try {
                    found.put(site.name(), SsmActivation.parseJson(Files.readString(f)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new PlanInputException(f + ": " + (e instanceof IllegalArgumentException ? e.getMessage() : "cannot be read")
                            + "; delete it and run `hybridctl apply --approve --ssm-activations` to create a new activation");
                }
            }
        }
        return found;
    }

    public static RenderedPlan with(RenderedPlan plan, HybridCluster spec, Optional<StackOutputs> outputs, Map<String, SsmActivation> activations)
            throws PlanInputException {
        Map<String, Artifact> out = new TreeMap<>(plan.artifacts());
        NodeConfigRenderer renderer = new NodeConfigRenderer();
        Optional<NodeCredentials.IamRolesAnywhere> ira = Optional.empty();
        if (spec.credentials().provider() == Credentials.Provider.IAM_ROLES_ANYWHERE && outputs.isPresent()) {
            ira = Optional.of(outputs.get().iamRolesAnywhere(spec.credentials().roleArn(), STACK_OUTPUTS));
        }
        for (Host h : spec.hosts().toList()) {
            NodeCredentials creds;
            if (ira.isPresent()) {
                creds = ira.get();
            } else if (spec.credentials().provider() == Credentials.Provider.SSM && activations.containsKey(h.site())) {
                creds = new NodeCredentials.Ssm(Optional.of(activations.get(h.site())));
            } else {
                continue;
            }
            var node = renderer.render(spec, h, creds);
            String path = ArtifactPaths.nodeConfig(h.name());
            out.put(path, Artifact.text(path, node.nodeConfig(), node.nodeConfigHasSecret() ? Artifact.Mode.SECRET : Artifact.Mode.PUBLIC));
        }
        outputs.ifPresent(o -> out.put(STACK_OUTPUTS, Artifact.text(STACK_OUTPUTS, o.toDescribeStacksJson(), Artifact.Mode.PUBLIC)));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter();
        for (var e : activations.entrySet()) {
            var doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("ActivationId", e.getValue().activationId()).put("ActivationCode", e.getValue().activationCode());
            try {
                out.put(activationPath(e.getKey()), Artifact.text(activationPath(e.getKey()), json.writeValueAsString(doc) + "\n", Artifact.Mode.SECRET));
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalStateException("cannot serialise an activation");
            }
        }
        return new RenderedPlan(new TreeMap<>(out), plan.lock(), plan.intent());
    }
}
