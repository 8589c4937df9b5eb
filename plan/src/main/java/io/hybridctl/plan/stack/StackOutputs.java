package io.hybridctl.plan.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.spec.model.HybridCluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outputs of the plan's CloudFormation stack, read from the JSON `aws cloudformation describe-stacks` prints (the
 * shape `hybridctl apply` also writes to out/stack-outputs.json), or from its `--query 'Stacks[0].Outputs'` array.
 * Every error names the file, the JSON location and the fix.
 */
public record StackOutputs(String stackName, Optional<String> stackStatus, Map<String, String> outputs) {

    public static final String ROLE_ARN = "RemoteNodesRoleARN";
    public static final String PROFILE_ARN = "RemoteNodesAnywhereProfileARN";
    public static final String TRUST_ANCHOR_ARN = "RemoteNodesTrustAnchorARN";
    public static final String CLUSTER_NAME = "ClusterName";
    public static final String CLUSTER_SECURITY_GROUP_ID = "ClusterSecurityGroupId";
    public static final String VPC_ID = "VpcId";

    /** Bounds the file read, like the spec reader: a describe-stacks answer is a few KiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    public StackOutputs {
        outputs = java.util.Collections.unmodifiableMap(new TreeMap<>(outputs));
    }

    /** The stack plan's templates are deployed as (the runbook's `--stack-name`). */
    public static String stackName(HybridCluster spec) {
        return stackName(spec.name());
    }

    /** The same rule from the cluster name alone (metadata.name), for callers that hold no spec. */
    public static String stackName(String clusterName) {
        return io.hybridctl.plan.render.cloudformation.StackName.of(clusterName);
    }

    public static StackOutputs read(Path file, String stackName) throws PlanInputException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PlanInputException(file + ": larger than " + MAX_BYTES + " bytes; pass the output of `aws cloudformation describe-stacks --stack-name " + stackName + "`");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PlanInputException(file + ": no such file; write it with `aws cloudformation describe-stacks --stack-name " + stackName + " > " + file + "` or run `hybridctl apply`");
        } catch (IOException e) {
            throw new PlanInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), stackName);
    }

    /** {@code source} names the input in messages (a file name). */
    public static StackOutputs parse(String json, String source, String stackName) throws PlanInputException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new PlanInputException(where + ": not JSON (" + e.getOriginalMessage() + "); pass the output of `aws cloudformation describe-stacks --stack-name "
                    + stackName + " --output json`");
        }
        if (root instanceof ArrayNode bare) {
            return new StackOutputs(stackName, Optional.empty(), outputs(bare, source, ""));
        }
        if (!(root instanceof ObjectNode) || !root.path("Stacks").isArray()) {
            throw new PlanInputException(source + ": no \"Stacks\" array; pass the output of `aws cloudformation describe-stacks --stack-name " + stackName + " --output json`");
        }
        JsonNode stacks = root.get("Stacks");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < stacks.size(); i++) {
            JsonNode s = stacks.get(i);
            String name = s.path("StackName").asText("");
            seen.add(name);
            if (name.equals(stackName)) {
                JsonNode outs = s.path("Outputs");
                Optional<String> status = s.hasNonNull("StackStatus") ? Optional.of(s.get("StackStatus").asText()) : Optional.empty();
                if (outs.isMissingNode() || outs.isNull()) {
                    throw new PlanInputException(source + ": /Stacks/" + i + ": stack " + stackName + " has no Outputs"
                            + status.map(st -> " (status " + st + ")").orElse("") + "; deploy it with `hybridctl apply --approve` and read it again");
                }
                if (!outs.isArray()) {
                    throw new PlanInputException(source + ": /Stacks/" + i + "/Outputs: not an array; pass describe-stacks output unchanged");
                }
                return new StackOutputs(stackName, status, outputs((ArrayNode) outs, source, "/Stacks/" + i + "/Outputs"));
            }
        }
        throw new PlanInputException(source + ": /Stacks: no stack named " + stackName + (seen.isEmpty() ? " (the list is empty)" : " (found " + String.join(", ", seen) + ")")
                + "; the plan's stack is " + stackName + ": run `aws cloudformation describe-stacks --stack-name " + stackName + "`, or `hybridctl apply` to create it");
    }

    private static Map<String, String> outputs(ArrayNode outs, String source, String pointer) throws PlanInputException {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < outs.size(); i++) {
            JsonNode o = outs.get(i);
            if (!o.path("OutputKey").isTextual() || !o.path("OutputValue").isTextual()) {
                throw new PlanInputException(source + ": " + pointer + "/" + i + ": an output needs string fields OutputKey and OutputValue; pass describe-stacks output unchanged");
            }
            out.put(o.get("OutputKey").asText(), o.get("OutputValue").asText());
        }
        return out;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(outputs.get(key));
    }

    /** The value of an output the caller cannot do without; the message lists what the stack does have. */
    public String require(String key, String source) throws PlanInputException {
        String v = outputs.get(key);
        if (v == null || v.isBlank()) {
            throw new PlanInputException(source + ": stack " + stackName + " has no output " + key + " (it has " + (outputs.isEmpty() ? "none" : String.join(", ", outputs.keySet()))
                    + "); deploy the template plan renders for this spec (`hybridctl apply --approve`), then read the outputs again");
        }
        return v;
    }

    /**
     * The IAM Roles Anywhere settings a NodeConfig needs. A bring-your-own role ARN from the spec
     * (credentials.roleARN) wins over the stack's role output, which that template does not create.
     */
    public NodeCredentials.IamRolesAnywhere iamRolesAnywhere(Optional<String> specRoleArn, String source) throws PlanInputException {
        String role = specRoleArn.isPresent() ? specRoleArn.get() : require(ROLE_ARN, source);
        return new NodeCredentials.IamRolesAnywhere(role, require(PROFILE_ARN, source), require(TRUST_ANCHOR_ARN, source),
                NodeCredentials.IamRolesAnywhere.DEFAULT_CERTIFICATE, NodeCredentials.IamRolesAnywhere.DEFAULT_KEY);
    }

    /** The describe-stacks shape, so the file apply writes reads back through {@link #parse}. */
    public String toDescribeStacksJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ObjectNode s = root.putArray("Stacks").addObject();
        s.put("StackName", stackName);
        stackStatus.ifPresent(st -> s.put("StackStatus", st));
        ArrayNode outs = s.putArray("Outputs");
        outputs.forEach((k, v) -> outs.addObject().put("OutputKey", k).put("OutputValue", v));
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
