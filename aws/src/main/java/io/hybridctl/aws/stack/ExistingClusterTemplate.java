package io.hybridctl.aws.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hybridctl.plan.render.cloudformation.CloudFormationRenderer;

import java.util.Iterator;
import java.util.Map;

/**
 * plan's template creates the EKS cluster. When the cluster already exists outside the stack (eksctl, console),
 * CloudFormation cannot adopt it, so apply deploys the same template without the cluster and its role, naming the
 * existing cluster wherever the template referred to it, and changes the cluster's remote networks through
 * UpdateClusterConfig instead.
 */
public final class ExistingClusterTemplate {

    private ExistingClusterTemplate() {
    }

    public static ObjectNode adopt(ObjectNode template, String clusterName) {
        ObjectNode t = template.deepCopy();
        ObjectNode resources = (ObjectNode) t.path("Resources");
        resources.remove(CloudFormationRenderer.CLUSTER);
        resources.remove(CloudFormationRenderer.CLUSTER_ROLE);
        return (ObjectNode) replaceRefs(t, clusterName);
    }

    private static JsonNode replaceRefs(JsonNode n, String clusterName) {
        if (n instanceof ObjectNode o) {
            if (o.size() == 1 && o.has("Ref") && CloudFormationRenderer.CLUSTER.equals(o.get("Ref").asText())) {
                return new TextNode(clusterName);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(replaceRefs(e.getValue(), clusterName));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replaceRefs(a.get(i), clusterName));
            }
        }
        return n;
    }
}
