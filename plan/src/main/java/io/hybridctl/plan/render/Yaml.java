package io.hybridctl.plan.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.List;

/**
 * The one YAML/JSON writer every renderer uses, so that all artifacts share quoting rules and are byte-stable:
 * keys come out in insertion order (renderers insert in a fixed order), numbers-as-strings and booleans-as-strings
 * are quoted, multi-line strings (PEM) use literal blocks.
 */
public final class Yaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Yaml() {
    }

    public static ObjectNode object() {
        return YAML.createObjectNode();
    }

    public static ArrayNode array() {
        return YAML.createArrayNode();
    }

    public static ArrayNode strings(List<?> values) {
        ArrayNode a = array();
        values.forEach(v -> a.add(v.toString()));
        return a;
    }

    public static String write(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory always serialises", e);
        }
    }

    /** Several Kubernetes documents in one file, separated by ---. */
    public static String writeAll(List<? extends JsonNode> docs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(write(docs.get(i)));
        }
        return out.toString();
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory always serialises", e);
        }
    }

    /** apiVersion/kind/metadata.name (and namespace when given) of a Kubernetes object. */
    public static ObjectNode k8s(String apiVersion, String kind, String name, String namespace) {
        ObjectNode o = object();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return o;
    }
}
