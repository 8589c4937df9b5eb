package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.render.cni.CniVersions;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML/JSON artifact of every example is checked against the schema its consumer publishes (copies in
 * ../shared/reference). An artifact without a known consumer schema fails the test unless it is listed in
 * NO_PUBLISHED_SCHEMA with the reason.
 */
class ConsumerSchemaTest {

    /** Files whose consumer publishes no schema in ../shared/reference. */
    private static final Map<String, String> NO_PUBLISHED_SCHEMA = Map.of(
            "addons/coredns-deployment-patch.yaml", "strategic-merge patch of a core Deployment",
            "addons/kube-dns-service-patch.yaml", "strategic-merge patch of a core Service",
            "addons/webhook-affinity-patch.yaml", "strategic-merge patch of core Deployments",
            "lb/aws-load-balancer-controller-values.yaml", "chart without a values schema",
            "lb/metallb-values.yaml", "the chart's schema holds for values merged with its defaults: HelmChartsTest renders it with the real chart");

    /** eksctl's v0.230.0 schema still requires vpcGatewayID, which eksctl itself rejects for existing VPCs (SOURCES.md). */
    private static final Consumer<ObjectNode> EKSCTL_RELAX = s ->
            ConsumerSchemas.unrequire((ObjectNode) s.path("definitions").path("RemoteNetworkConfig"), "vpcGatewayID");
    /** nodeadm accepts scalars in kubelet.config although the CRD types its values as objects (SOURCES.md). */
    private static final Consumer<ObjectNode> NODEADM_RELAX = s -> {
        ObjectNode kubelet = (ObjectNode) s.path("properties").path("spec").path("properties").path("kubelet").path("properties");
        kubelet.putObject("config").put("type", "object");
    };

    @TestFactory
    Stream<DynamicTest> everyStructuredArtifactPassesItsConsumersSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path example : Examples.all()) {
            HybridCluster spec = Examples.load(example);
            RenderedPlan plan = Examples.plan(example);
            for (Artifact a : plan.artifacts().values()) {
                if (a.path().endsWith(".yaml") || a.path().endsWith(".json")) {
                    tests.add(DynamicTest.dynamicTest(Examples.name(example) + ": " + a.path(), () -> check(spec, a)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(HybridCluster spec, Artifact a) throws IOException {
        String p = a.path();
        if (NO_PUBLISHED_SCHEMA.containsKey(p)) {
            return;
        }
        List<JsonNode> docs = ConsumerSchemas.readYamlDocuments(a.text());
        assertThat(docs).as(p).isNotEmpty();
        if (p.equals("eksctl/cluster.yaml")) {
            assertValid(p, ConsumerSchemas.jsonSchema("eksctl/clusterconfig.schema.json", EKSCTL_RELAX), docs.get(0));
        } else if (p.startsWith("cloudformation/")) {
            cloudFormation(p, docs.get(0));
        } else if (p.endsWith("/nodeconfig.yaml")) {
            assertValid(p, ConsumerSchemas.crd("nodeadm/node.eks.aws_nodeconfigs.yaml", "v1alpha1", NODEADM_RELAX), docs.get(0));
        } else if (p.equals("cni/cilium-values.yaml")) {
            assertValid(p, ConsumerSchemas.jsonSchema(ciliumValuesSchema(spec.cni().version())), docs.get(0));
        } else if (p.equals("cni/calico-values.yaml")) {
            ObjectNode installation = ((ObjectNode) docs.get(0).get("installation")).deepCopy();
            installation.remove("enabled"); // the chart's switch, not part of Installation.spec
            ObjectNode doc = ConsumerSchemas.JSON.createObjectNode();
            doc.put("apiVersion", "operator.tigera.io/v1");
            doc.put("kind", "Installation");
            doc.putObject("metadata").put("name", "default");
            doc.set("spec", installation);
            assertValid(p, ConsumerSchemas.crd("calico/crds/operator.tigera.io_installations.yaml", "v1"), doc);
        } else {
            for (JsonNode d : docs) {
                assertValid(p + " " + d.path("kind").asText(), kubernetesSchema(p, d), d);
            }
        }
    }

    private static JsonSchema kubernetesSchema(String path, JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String plural = kind.toLowerCase(Locale.ROOT) + (kind.endsWith("s") ? "es" : "s");
        return switch (group) {
            case "cilium.io" -> ConsumerSchemas.jsonSchema("cilium/crds/jsonschema-datree-cilium-1.18.2/" + kind.toLowerCase(Locale.ROOT) + "_" + version + ".json");
            case "metallb.io" -> ConsumerSchemas.crd("metallb/crds/metallb.io_" + plural + ".yaml", version);
            case "projectcalico.org" -> ConsumerSchemas.crd("calico/crds/projectcalico.org-v3/projectcalico.org_" + plural + ".yaml", version);
            default -> throw new AssertionError(path + ": no consumer schema known for " + apiVersion + " " + kind);
        };
    }

    private static String ciliumValuesSchema(String version) throws IOException {
        int[] v = CniVersions.parse(version);
        String prefix = "values.schema-" + v[0] + "." + v[1] + ".";
        try (Stream<Path> s = Files.list(Examples.reference().resolve("cilium/values-schema-by-version"))) {
            Path f = s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Cilium values schema for " + version));
            return "cilium/values-schema-by-version/" + f.getFileName();
        }
    }

    /** Each resource's Properties, intrinsics resolved, against the cfn-lint registry schema of its type. */
    private static void cloudFormation(String path, JsonNode template) {
        CfnIntrinsics intrinsics = new CfnIntrinsics(template);
        JsonNode resources = template.path("Resources");
        assertThat(resources.size()).as(path + " resources").isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            String type = r.getValue().path("Type").asText();
            if (type.equals("AWS::CloudFormation::WaitConditionHandle")) {
                // No registry schema: the type takes no properties at all (cfn-lint checks the template as a whole).
                assertThat(r.getValue().has("Properties")).as(r.getKey() + " has no properties").isFalse();
                continue;
            }
            String file = "cloudformation/" + type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
            assertThat(Examples.reference().resolve(file)).as("schema of %s (%s)", type, r.getKey()).exists();
            JsonNode props = r.getValue().has("Properties") ? intrinsics.resolve(r.getValue().get("Properties")) : ConsumerSchemas.JSON.createObjectNode();
            assertValid(path + " " + r.getKey() + " (" + type + ")", ConsumerSchemas.jsonSchema(file), props);
            JsonNode cond = r.getValue().get("Condition");
            if (cond != null) {
                assertThat(template.path("Conditions").has(cond.asText())).as("condition " + cond + " of " + r.getKey()).isTrue();
            }
            for (JsonNode dep : r.getValue().path("DependsOn")) {
                assertThat(resources.has(dep.asText())).as("DependsOn " + dep + " of " + r.getKey()).isTrue();
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Outputs").fields(); it.hasNext(); ) {
            intrinsics.resolve(it.next().getValue().path("Value"));
        }
    }

    private static void assertValid(String what, JsonSchema schema, JsonNode doc) {
        assertThat(ConsumerSchemas.errors(schema, doc)).as("schema errors in " + what).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheConsumerWouldReject() {
        JsonSchema nodeadm = ConsumerSchemas.crd("nodeadm/node.eks.aws_nodeconfigs.yaml", "v1alpha1", NODEADM_RELAX);
        ObjectNode doc = ConsumerSchemas.JSON.createObjectNode();
        doc.put("apiVersion", "node.eks.aws/v1alpha1");
        doc.put("kind", "NodeConfig");
        doc.putObject("spec").putObject("hybrid").putObject("ssm").put("activationCode", 42);
        assertThat(ConsumerSchemas.errors(nodeadm, doc)).isNotEmpty();
        JsonSchema eksctl = ConsumerSchemas.jsonSchema("eksctl/clusterconfig.schema.json", EKSCTL_RELAX);
        ObjectNode cfg = ConsumerSchemas.JSON.createObjectNode();
        cfg.put("apiVersion", "eksctl.io/v1alpha5");
        cfg.put("kind", "ClusterConfig");
        cfg.putObject("metadata").put("name", "x").put("region", "us-west-2");
        cfg.putObject("remoteNetworkConfig").put("vpcGatewayId", "tgw-1");
        assertThat(ConsumerSchemas.errors(eksctl, cfg)).as("misspelt key").isNotEmpty();
    }
}
