package io.hybridctl.spec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema that editors use must accept every example and reject what the checker rejects structurally. */
class JsonSchemaWriterTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new JsonSchemaWriter().schema());
    }

    private static Path repo() {
        return Path.of(System.getProperty("hybridctl.repo", ".."));
    }

    @Test
    void acceptsEveryExample() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(repo().resolve("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path p : examples) {
            JsonNode doc = YAML.readTree(p.toFile());
            assertThat(schema().validate(doc)).as(p.toString()).isEmpty();
        }
    }

    @Test
    void rejectsUnknownKeysBadEnumsAndMalformedCidrs() throws Exception {
        JsonNode doc = YAML.readTree(repo().resolve("examples/lab-cilium-bgp.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("spec").get("cni")).put("podRouting", "ospf");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("spec").get("sites").get(0)).put("podNetwork", "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("spec").get("vpc")).put("cidr", "10.250.0.0/40");
        var errors = schema().validate(doc);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
        assertThat(errors.toString()).contains("podRouting").contains("podNetwork").contains("cidr");
    }

    @Test
    void docsSpecMdIsCurrent() throws Exception {
        Path doc = repo().resolve("docs/spec.md");
        assertThat(Files.readString(doc)).as("docs/spec.md is generated: run `hybridctl schema --markdown > docs/spec.md`")
                .isEqualTo(new SpecReferenceWriter().render());
    }
}
