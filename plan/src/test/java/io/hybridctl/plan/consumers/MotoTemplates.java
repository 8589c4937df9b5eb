package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * moto's CloudFormation models only some resource types; a stack naming another one fails inside moto (a GetAtt on
 * a resource it skipped) rather than in the template. This takes those resources out, with everything that refers to
 * them, so that the rest is created for real; what was taken out is reported, and checked by cfn-lint and the
 * registry schemas (ConsumerSchemaTest) instead. The list is moto 5.2's (models with a cloudformation_type()).
 */
final class MotoTemplates {

    static final Set<String> NOT_MODELLED = Set.of("AWS::RolesAnywhere::TrustAnchor", "AWS::RolesAnywhere::Profile", "AWS::EKS::Cluster",
            "AWS::EKS::AccessEntry", "AWS::EC2::TransitGatewayAttachment", "AWS::EC2::SecurityGroupEgress",
            "AWS::CloudFormation::WaitConditionHandle");

    record Adapted(ObjectNode template, Set<String> removedTypes) {
    }

    private MotoTemplates() {
    }

    static Adapted adapt(JsonNode original) {
        ObjectNode t = original.deepCopy();
        ObjectNode resources = (ObjectNode) t.get("Resources");
        Set<String> removed = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (NOT_MODELLED.contains(r.getValue().path("Type").asText())) {
                removed.add(r.getKey());
                types.add(r.getValue().path("Type").asText());
            }
        }
        removed.forEach(resources::remove);
        for (JsonNode r : resources) {
            if (r.get("DependsOn") instanceof ArrayNode deps) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                deps.forEach(d -> {
                    if (!removed.contains(d.asText())) {
                        kept.add(d);
                    }
                });
                ((ObjectNode) r).set("DependsOn", kept);
                if (kept.isEmpty()) {
                    ((ObjectNode) r).remove("DependsOn");
                }
            }
        }
        t.set("Resources", replaceRefs(resources, removed));
        if (t.get("Outputs") instanceof ObjectNode outputs) {
            List<String> drop = new ArrayList<>();
            outputs.fields().forEachRemaining(o -> {
                if (refersTo(o.getValue(), removed)) {
                    drop.add(o.getKey());
                }
            });
            drop.forEach(outputs::remove);
        }
        return new Adapted(t, types);
    }

    private static JsonNode replaceRefs(JsonNode n, Set<String> removed) {
        if (n instanceof ObjectNode o) {
            if (o.size() == 1 && o.has("Ref") && removed.contains(o.get("Ref").asText())) {
                return new TextNode("not-emulated-" + o.get("Ref").asText());
            }
            if (o.size() == 1 && o.has("Fn::GetAtt") && removed.contains(o.get("Fn::GetAtt").path(0).asText())) {
                return new TextNode("arn:aws:rolesanywhere:us-west-2:123456789012:not-emulated/" + o.get("Fn::GetAtt").path(0).asText());
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            o.fields().forEachRemaining(e -> out.set(e.getKey(), replaceRefs(e.getValue(), removed)));
            return out;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(x -> out.add(replaceRefs(x, removed)));
            return out;
        }
        return n;
    }

    private static boolean refersTo(JsonNode n, Set<String> removed) {
        if (n instanceof ObjectNode o) {
            if (o.has("Ref") && removed.contains(o.get("Ref").asText())) {
                return true;
            }
            if (o.has("Fn::GetAtt") && removed.contains(o.get("Fn::GetAtt").path(0).asText())) {
                return true;
            }
        }
        for (JsonNode c : n) {
            if (refersTo(c, removed)) {
                return true;
            }
        }
        return false;
    }
}
