package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hybridctl.plan.Examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads the consumers' own schemas from ../shared/reference (SOURCES.md says how each is used) and validates
 * documents with networknt's Draft 7 validator. Schemas are cached: every example reuses them.
 */
final class ConsumerSchemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .regularExpressionFactory(com.networknt.schema.regex.JoniRegularExpressionFactory.getInstance()).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ConsumerSchemas() {
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readYamlDocuments(String text) {
        try {
            return YAML.readValues(YAML.getFactory().createParser(text), JsonNode.class).readAll().stream()
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON schema file, draft picked explicitly (Draft 7): $schema/$id are dropped so nothing is fetched. */
    static JsonSchema jsonSchema(String relative, java.util.function.Consumer<ObjectNode> relax) {
        return CACHE.computeIfAbsent(relative + "#" + System.identityHashCode(relax), k -> {
            ObjectNode node = (ObjectNode) readJson(Examples.reference().resolve(relative));
            node.remove("$schema");
            node.remove("$id");
            relax.accept(node);
            return FACTORY.getSchema(node, CONFIG);
        });
    }

    static JsonSchema jsonSchema(String relative) {
        return jsonSchema(relative, NO_RELAX);
    }

    private static final java.util.function.Consumer<ObjectNode> NO_RELAX = n -> {
    };

    /** The openAPIV3Schema of one version of a CRD file. */
    static JsonSchema crd(String relative, String version, java.util.function.Consumer<ObjectNode> relax) {
        return CACHE.computeIfAbsent(relative + "@" + version + "#" + System.identityHashCode(relax), k -> {
            JsonNode crd;
            try {
                crd = YAML.readTree(Examples.reference().resolve(relative).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    ObjectNode schema = ((ObjectNode) v.path("schema").path("openAPIV3Schema")).deepCopy();
                    relax.accept(schema);
                    return FACTORY.getSchema(schema, CONFIG);
                }
            }
            throw new AssertionError(relative + " has no version " + version);
        });
    }

    static JsonSchema crd(String relative, String version) {
        return crd(relative, version, NO_RELAX);
    }

    static String errors(JsonSchema schema, JsonNode doc) {
        Set<ValidationMessage> messages = schema.validate(doc);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }

    /** Removes a name from a "required" list somewhere in a schema (for documented stale requirements). */
    static void unrequire(ObjectNode schemaObject, String property) {
        JsonNode req = schemaObject.get("required");
        if (req instanceof ArrayNode a) {
            for (Iterator<JsonNode> it = a.iterator(); it.hasNext(); ) {
                if (it.next().asText().equals(property)) {
                    it.remove();
                }
            }
        }
    }
}
