package io.hybridctl.aws.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExistingClusterTemplateTest {

    static ObjectNode golden(String example) throws Exception {
        Path f = Path.of(System.getProperty("hybridctl.repo"), "plan/src/test/resources/golden", example, "cloudformation/new-vpc.yaml");
        return (ObjectNode) new YAMLMapper().readTree(Files.readString(f));
    }

    @Test
    void theClusterAndItsRoleLeaveAndEveryReferenceNamesTheExistingCluster(@TempDir Path dir) throws Exception {
        ObjectNode t = golden("lab-cilium-bgp");
        assertThat(t.path("Resources").has("ControlPlane")).isTrue();
        ObjectNode adopted = ExistingClusterTemplate.adopt(t, "prod-eu");
        assertThat(adopted.path("Resources").has("ControlPlane")).isFalse();
        assertThat(adopted.path("Resources").has("ClusterRole")).isFalse();
        String text = new ObjectMapper().writeValueAsString(adopted);
        assertThat(text).doesNotContain("\"ControlPlane\"").doesNotContain("ClusterRole\"");
        assertThat(adopted.path("Outputs").path("ClusterName").path("Value").asText()).isEqualTo("prod-eu");
        JsonNode entry = adopted.path("Resources").path("RemoteNodesAccessEntry").path("Properties").path("ClusterName");
        assertThat(entry.asText()).isEqualTo("prod-eu");
        assertThat(t.path("Resources").has("ControlPlane")).as("the input is not changed").isTrue();

        // CloudFormation's own linter accepts what is left.
        Path f = dir.resolve("adopted.json");
        Files.writeString(f, text);
        Process p = new ProcessBuilder("cfn-lint", "--regions", "us-west-2", "--", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().filter(l -> l.startsWith("E"))).as(out).isEmpty();
    }
}
