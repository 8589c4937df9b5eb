package io.hybridctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {

    @Test
    void validateAcceptsEveryExample() throws Exception {
        try (var s = Files.list(CliRun.repo().resolve("examples"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                CliRun run = CliRun.of("validate", "-f", p.toString());
                assertThat(run.exit()).as(run.all()).isZero();
                assertThat(run.out()).contains("0 error(s)");
            }
        }
    }

    @Test
    void strictFailsOnWarnings() {
        String spec = CliRun.repo().resolve("examples/unroutable-pods.yaml").toString();
        assertThat(CliRun.of("validate", "-f", spec).exit()).isZero();
        assertThat(CliRun.of("validate", "--strict", "-f", spec).exit()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("validate").exit()).isEqualTo(2);
        assertThat(CliRun.of("validate", "-f", "x.yaml", "-o", "xml").exit()).isEqualTo(2);
        assertThat(CliRun.of("no-such-command").exit()).isEqualTo(2);
        assertThat(CliRun.of("explain", "NOPE999").exit()).isEqualTo(2);
    }

    @Test
    void explainPrintsTheRuleDocumentation() {
        CliRun run = CliRun.of("explain", "eks003");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("EKS003 (error): Overlapping CIDRs").contains("Source:");
        assertThat(CliRun.of("explain", "--list").out()).contains("DES012").contains("NODE005").contains("CTL001");
    }

    @Test
    void initWritesAValidStarterAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("cluster.yaml");
        assertThat(CliRun.of("init", "-f", spec.toString()).exit()).isZero();
        assertThat(CliRun.of("validate", "-f", spec.toString()).exit()).isZero();
        Files.writeString(spec, "keep me");
        CliRun again = CliRun.of("init", "-f", spec.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(spec)).isEqualTo("keep me");
    }

    @Test
    void schemaIsJsonForEditors() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(CliRun.of("schema").out());
        assertThat(schema.get("$schema").asText()).contains("draft-07");
        assertThat(schema.get("definitions").get("Site").get("properties").has("podNetworks")).isTrue();
    }

    @Test
    void importEksctlWritesASpecThatValidateUnderstands(@TempDir Path dir) {
        Path out = dir.resolve("imported.yaml");
        CliRun run = CliRun.of("import", "eksctl", CliRun.repo().resolve("spec/src/test/resources/eksctl/hybrid-ira.yaml").toString(), "-f", out.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        CliRun validate = CliRun.of("validate", "-f", out.toString(), "-o", "json");
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out()).contains("DES004").doesNotContain("SPEC003");
        assertThat(CliRun.of("import", "eksctl", dir.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
    }
}
