package io.hybridctl.plan.render.nodeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.plan.Examples;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeConfigRendererTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ACTIVATION = "{\"ActivationId\": \"57be8cce-1137-32d4-ce32-ba044ea5df48\", \"ActivationCode\": \"ys25k3gpt8zzyl9jhn6gq8rj3519owjelyz7\"}";

    private final NodeConfigRenderer renderer = new NodeConfigRenderer();

    private static HybridCluster example(String name) {
        return Examples.load(Examples.repo().resolve("examples/" + name + ".yaml"));
    }

    @Test
    void anSsmNodeConfigWithAnActivationPassesNodeadmsRules() throws Exception {
        HybridCluster spec = example("lab-cilium-bgp");
        Host host = spec.hosts().findFirst().orElseThrow();
        RenderedNode n = renderer.render(spec, host, new NodeCredentials.Ssm(Optional.of(SsmActivation.parseJson(ACTIVATION))));
        JsonNode doc = YAML.readTree(n.nodeConfig());
        assertThat(NodeadmRules.firstViolation(doc)).isEmpty();
        assertThat(doc.at("/spec/hybrid/ssm/activationId").asText()).isEqualTo("57be8cce-1137-32d4-ce32-ba044ea5df48");
        assertThat(doc.at("/spec/cluster/name").asText()).isEqualTo("hybrid-lab");
        assertThat(n.nodeConfigHasSecret()).isTrue();
    }

    @Test
    void withoutAnActivationThePlaceholdersAreMarkedAndInstallShRefusesThem() throws Exception {
        HybridCluster spec = example("lab-cilium-bgp");
        Host host = spec.hosts().findFirst().orElseThrow();
        RenderedNode n = renderer.render(spec, host, NodeCredentials.Ssm.placeholders());
        JsonNode doc = YAML.readTree(n.nodeConfig());
        assertThat(doc.at("/spec/hybrid/ssm/activationCode").asText()).startsWith(NodeCredentials.PLACEHOLDER);
        assertThat(NodeadmRules.firstViolation(doc)).as("nodeadm would refuse it, so install.sh must").isPresent();
        assertThat(n.installScript()).contains("grep -q '" + NodeCredentials.PLACEHOLDER + "'").contains("exit 1");
        assertThat(n.nodeConfigHasSecret()).isFalse();
    }

    @Test
    void iraNodeConfigsNameTheNodeAfterTheHostWithCertificatePaths() throws Exception {
        HybridCluster spec = example("two-site-ira");
        Host host = spec.hosts().filter(h -> h.name().equals("east-03")).findFirst().orElseThrow();
        NodeCredentials.IamRolesAnywhere ira = new NodeCredentials.IamRolesAnywhere("arn:aws:iam::111122223333:role/R",
                "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/t",
                NodeCredentials.IamRolesAnywhere.DEFAULT_CERTIFICATE, NodeCredentials.IamRolesAnywhere.DEFAULT_KEY);
        JsonNode doc = YAML.readTree(renderer.nodeConfig(spec, host, ira));
        assertThat(NodeadmRules.firstViolation(doc)).isEmpty();
        assertThat(doc.at("/spec/hybrid/iamRolesAnywhere/nodeName").asText()).isEqualTo("east-03");
        assertThat(doc.at("/spec/hybrid/iamRolesAnywhere/certificatePath").asText()).isEqualTo("/etc/iam/pki/server.pem");
        assertThat(doc.at("/spec/hybrid/ssm").isMissingNode()).isTrue();
    }

    @Test
    void kubeletFlagsCarryTheNodeIpAndTheSiteZoneAndHostLabels() {
        HybridCluster spec = example("two-site-ira");
        Host host = spec.hosts().filter(h -> h.name().equals("east-03")).findFirst().orElseThrow();
        List<String> flags = NodeConfigRenderer.kubeletFlags(spec, host);
        assertThat(flags.get(0)).isEqualTo("--node-ip=10.80.0.13");
        assertThat(flags.get(1)).isEqualTo("--node-labels=example.com/gpu=true,hybridctl.io/host=east-03,hybridctl.io/site=dc-east,topology.kubernetes.io/zone=dc-east");
        assertThat(flags).noneMatch(f -> f.startsWith("--hostname-override"));
    }

    @Test
    void installShInstallsThePinnedVersionWithTheProviderAndInitsFromAnAbsoluteUri() {
        HybridCluster spec = example("two-site-ira");
        Host west = spec.hosts().filter(h -> h.name().equals("west-01")).findFirst().orElseThrow();
        String sh = renderer.installScript(spec, west);
        assertThat(sh).contains("nodeadm install 1.32 --credential-provider iam-ra --containerd-source distro --region eu-west-1")
                .contains("nodeadm init -c file:///etc/hybridctl/nodeconfig.yaml")
                .contains("/linux/arm64/nodeadm")
                .contains("if [ ! -f /opt/nodeadm/tracker ]; then")
                .contains("/etc/iam/pki/server.key");
    }

    /** nodeadm refuses its own default (distro) on RHEL and docker on AL2023 (internal/containerd/install.go). */
    @Test
    void installShPassesAContainerdSourceTheHostsOsAccepts() {
        HybridCluster spec = example("lab-cilium-bgp");
        Host ubuntu = spec.hosts().findFirst().orElseThrow();
        for (Host.Os os : List.of(Host.Os.RHEL, Host.Os.AL2023, Host.Os.UBUNTU)) {
            Host h = new Host(ubuntu.name(), ubuntu.site(), ubuntu.siteIndex(), ubuntu.index(), ubuntu.address(), os, "9", ubuntu.arch(),
                    ubuntu.labels(), ubuntu.podBlock(), ubuntu.kubeletFlags(), ubuntu.asn());
            String expected = os == Host.Os.RHEL ? "docker" : "distro";
            assertThat(renderer.installScript(spec, h)).as(os.id()).contains("--containerd-source " + expected + " ");
        }
        Host none = new Host(ubuntu.name(), ubuntu.site(), ubuntu.siteIndex(), ubuntu.index(), ubuntu.address(), Host.Os.RHEL, "9", ubuntu.arch(),
                ubuntu.labels(), ubuntu.podBlock(), ubuntu.kubeletFlags(), ubuntu.asn(), Optional.of(Host.ContainerdSource.NONE));
        assertThat(renderer.installScript(spec, none)).contains("--containerd-source none ");
    }

    @Test
    void badActivationsAreRefusedWithoutEchoingTheCode() {
        assertThatThrownBy(() -> SsmActivation.parseJson("{\"ActivationId\": \"nope\", \"ActivationCode\": \"secretsecretsecretsecret\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ActivationId").hasMessageNotContaining("secretsecret");
        assertThatThrownBy(() -> SsmActivation.parseJson("{\"ActivationId\": \"57be8cce-1137-32d4-ce32-ba044ea5df48\", \"ActivationCode\": \"short\"}"))
                .hasMessageContaining("20 to 250").hasMessageNotContaining("short");
        assertThat(SsmActivation.parseJson(ACTIVATION).toString()).doesNotContain("ys25k3gpt8");
    }
}
