package io.hybridctl.spec.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schema (draft-07, what yaml-language-server reads best) derived from {@link HybridClusterSchema}. Address
 * fields carry patterns, so editors flag a malformed CIDR as you type.
 */
public final class JsonSchemaWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String CIDR_PATTERN = "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/([0-9]|[12][0-9]|3[0-2])$";
    static final String IPV4_PATTERN = "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$";

    public ObjectNode schema() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", "https://hybridctl.io/schemas/" + HybridClusterSchema.API_VERSION.replace('/', '-') + ".json");
        root.put("title", "HybridCluster");
        ObjectNode defs = root.putObject("definitions");
        for (ObjectType t : HybridClusterSchema.objectTypes()) {
            if (t != HybridClusterSchema.ROOT) {
                defs.set(t.name(), object(t));
            }
        }
        root.setAll(object(HybridClusterSchema.ROOT));
        return root;
    }

    public String render() {
        try {
            return JSON.writeValueAsString(schema()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode object(ObjectType t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "object");
        n.put("description", t.doc());
        n.put("additionalProperties", false);
        ObjectNode props = n.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (Field f : t.fields()) {
            ObjectNode p = type(f.type());
            String doc = f.doc() + (f.defaultText() != null ? " Default: " + f.defaultText() + "." : "");
            p.put("description", doc);
            props.set(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            n.set("required", required);
        }
        return n;
    }

    private ObjectNode type(Type type) {
        ObjectNode n = JSON.createObjectNode();
        switch (type) {
            case ObjectType o -> n.put("$ref", "#/definitions/" + o.name());
            case ListType l -> {
                n.put("type", "array");
                n.set("items", type(l.item()));
                if (l.minItems() > 0) {
                    n.put("minItems", l.minItems());
                }
            }
            case MapType m -> {
                n.put("type", "object");
                n.set("additionalProperties", type(m.value()));
            }
            case ScalarType s -> scalar(n, s);
        }
        return n;
    }

    private void scalar(ObjectNode n, ScalarType s) {
        switch (s.kind()) {
            case STRING -> n.put("type", "string");
            case VERSION -> n.put("type", "string").put("pattern", "^\\d+(\\.\\d+){0,2}$");
            case BOOLEAN -> n.put("type", "boolean");
            case INTEGER -> {
                n.put("type", "integer");
                if (s.min() != null) {
                    n.put("minimum", s.min());
                }
                if (s.max() != null) {
                    n.put("maximum", s.max());
                }
            }
            case ENUM -> {
                n.put("type", "string");
                ArrayNode values = n.putArray("enum");
                s.values().forEach(values::add);
            }
            case CIDR -> n.put("type", "string").put("pattern", CIDR_PATTERN);
            case IPV4 -> n.put("type", "string").put("pattern", IPV4_PATTERN);
            case ADDRESS_RANGE -> n.put("type", "string")
                    .put("pattern", "^(" + strip(IPV4_PATTERN) + "(-" + strip(IPV4_PATTERN) + ")?|" + strip(CIDR_PATTERN) + ")$");
        }
    }

    private static String strip(String anchored) {
        return anchored.substring(1, anchored.length() - 1);
    }
}
