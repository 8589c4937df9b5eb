package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Replaces CloudFormation intrinsic functions by values of the type they resolve to, so that a resource's Properties
 * can be checked against the resource schema as CloudFormation would see them after resolution. References to
 * resources or parameters that do not exist fail here, which is itself a check of the template.
 */
final class CfnIntrinsics {

    private final JsonNode template;

    CfnIntrinsics(JsonNode template) {
        this.template = template;
    }

    JsonNode resolve(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.size() == 1) {
                Map.Entry<String, JsonNode> e = o.fields().next();
                String fn = e.getKey();
                JsonNode arg = e.getValue();
                switch (fn) {
                    case "Ref":
                        return ref(arg.asText());
                    case "Fn::GetAtt":
                        return getAtt(arg.get(0).asText(), arg.get(1).asText());
                    case "Fn::Sub":
                        return new TextNode(arg.asText().replaceAll("\\$\\{AWS::Partition}", "aws").replaceAll("\\$\\{AWS::Region}", "us-west-2")
                                .replaceAll("\\$\\{AWS::AccountId}", "123456789012").replaceAll("\\$\\{AWS::StackName}", "stack"));
                    case "Fn::FindInMap":
                        return findInMap(arg);
                    case "Fn::Select":
                        JsonNode list = resolve(arg.get(1));
                        return list.get(arg.get(0).asInt());
                    default:
                        break;
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), resolve(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(n -> out.add(resolve(n)));
            return out;
        }
        return node;
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::Partition":
                return new TextNode("aws");
            case "AWS::AccountId":
                return new TextNode("123456789012");
            case "AWS::Region":
                return new TextNode("us-west-2");
            case "AWS::StackName":
                return new TextNode("stack");
            default:
                break;
        }
        JsonNode param = template.path("Parameters").path(name);
        if (!param.isMissingNode()) {
            String type = param.path("Type").asText();
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                a.add(name.toLowerCase() + "-0").add(name.toLowerCase() + "-1").add(name.toLowerCase() + "-2");
                return a;
            }
            return new TextNode(param.path("Default").asText(name.toLowerCase()));
        }
        if (template.path("Resources").path(name).isMissingNode()) {
            throw new AssertionError("Ref to " + name + ", which is neither a parameter nor a resource");
        }
        return new TextNode(name.toLowerCase() + "-0123456789abcdef0");
    }

    private JsonNode getAtt(String resource, String attribute) {
        JsonNode r = template.path("Resources").path(resource);
        if (r.isMissingNode()) {
            throw new AssertionError("Fn::GetAtt on " + resource + ", which the template does not define");
        }
        String type = r.path("Type").asText();
        return switch (type + "." + attribute) {
            case "AWS::IAM::Role.Arn" -> new TextNode("arn:aws:iam::123456789012:role/" + resource);
            case "AWS::RolesAnywhere::TrustAnchor.TrustAnchorArn" -> new TextNode("arn:aws:rolesanywhere:us-west-2:123456789012:trust-anchor/0123");
            case "AWS::RolesAnywhere::Profile.ProfileArn" -> new TextNode("arn:aws:rolesanywhere:us-west-2:123456789012:profile/0123");
            case "AWS::EC2::EIP.AllocationId" -> new TextNode("eipalloc-0123456789abcdef0");
            default -> throw new AssertionError("unexpected Fn::GetAtt " + resource + "." + attribute + " (" + type + ")");
        };
    }

    private JsonNode findInMap(JsonNode arg) {
        JsonNode key = resolve(arg.get(1));
        JsonNode v = template.path("Mappings").path(arg.get(0).asText()).path(key.asText()).path(arg.get(2).asText());
        if (v.isMissingNode()) {
            throw new AssertionError("Fn::FindInMap " + arg + " has no value");
        }
        return v;
    }
}
