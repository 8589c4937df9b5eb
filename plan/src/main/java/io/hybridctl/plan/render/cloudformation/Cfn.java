package io.hybridctl.plan.render.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.render.Yaml;

/** CloudFormation intrinsic functions in their long (JSON) form, which every YAML parser reads the same way. */
final class Cfn {

    private Cfn() {
    }

    static ObjectNode ref(String name) {
        ObjectNode o = Yaml.object();
        o.put("Ref", name);
        return o;
    }

    static ObjectNode getAtt(String resource, String attribute) {
        ObjectNode o = Yaml.object();
        o.putArray("Fn::GetAtt").add(resource).add(attribute);
        return o;
    }

    static ObjectNode sub(String template) {
        ObjectNode o = Yaml.object();
        o.put("Fn::Sub", template);
        return o;
    }

    static ObjectNode findInMap(String map, JsonNode key, String attribute) {
        ObjectNode o = Yaml.object();
        ArrayNode a = o.putArray("Fn::FindInMap");
        a.add(map).add(key).add(attribute);
        return o;
    }

    static ObjectNode select(int index, JsonNode list) {
        ObjectNode o = Yaml.object();
        o.putArray("Fn::Select").add(index).add(list);
        return o;
    }

    static ObjectNode equalsTrue(String parameter) {
        ObjectNode o = Yaml.object();
        o.putArray("Fn::Equals").add(ref(parameter)).add("true");
        return o;
    }

    /** A logical-id-safe name for a CIDR: 10.80.0.0/23 -> 10x80x0x0n23. */
    static String id(Prefix p) {
        return p.first().toString().replace('.', 'x') + "n" + p.length();
    }

    static ObjectNode resource(ObjectNode resources, String logicalId, String type) {
        ObjectNode r = resources.putObject(logicalId);
        r.put("Type", type);
        return r;
    }

    static ObjectNode tag(String key, JsonNode value) {
        ObjectNode t = Yaml.object();
        t.put("Key", key);
        t.set("Value", value);
        return t;
    }
}
