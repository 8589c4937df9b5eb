package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.NodeadmInstallRules;
import io.hybridctl.plan.render.nodeadm.NodeadmRules;
import io.hybridctl.spec.model.Host;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every NodeConfig and install.sh of every subject against nodeadm's own rules (NodeadmRules: validator.go;
 * NodeadmInstallRules: the install command's flags and the containerd source per OS). A NodeConfig is checked as the
 * host will have it: with the placeholders filled (install.sh refuses to run while one is left).
 */
class NodeadmTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyNodeConfigAndInstallShPassesNodeadmsRules() throws Exception {
        ConsumerReport report = new ConsumerReport("nodeadm rules (v1.0.20)");
        for (Subjects.Subject s : Subjects.all()) {
            for (Host h : (Iterable<Host>) s.spec().hosts()::iterator) {
                String config = s.name() + "/" + ArtifactPaths.nodeConfig(h.name());
                String text = s.plan().get(ArtifactPaths.nodeConfig(h.name())).text();
                report.checked(config);
                JsonNode filled = YAML.readTree(text
                        .replace(NodeCredentials.PLACEHOLDER + "_ActivationCode_from_aws_ssm_create-activation", "ys25k3gpt8zzyl9jhn6gq8rj3519owjelyz7")
                        .replace(NodeCredentials.PLACEHOLDER + "_ActivationId_from_aws_ssm_create-activation", "57be8cce-1137-32d4-ce32-ba044ea5df48")
                        .replace(NodeCredentials.PLACEHOLDER + "_", "arn:aws:iam::111122223333:role/filled-"));
                NodeadmRules.firstViolation(filled).ifPresent(v -> report.problem(config, v));
                String script = s.name() + "/" + ArtifactPaths.installScript(h.name());
                report.checked(script);
                report.problems(script, NodeadmInstallRules.problems(s.plan().get(ArtifactPaths.installScript(h.name())).text(), h,
                        s.spec().cluster().kubernetesVersion(), s.spec().cluster().region()));
            }
        }
        report.assertClean();
    }

    /** The rules see what nodeadm refuses: the install.sh of the first release on a RHEL host, a second provider. */
    @Test
    void theRulesRefuseWhatNodeadmRefuses() throws Exception {
        Subjects.Subject s = Subjects.all().stream().filter(x -> x.name().equals("generated-5-site-cilium-bgp")).findFirst().orElseThrow();
        Host rhel = s.spec().hosts().filter(h -> h.os() == Host.Os.RHEL).findFirst().orElseThrow();
        String old = "nodeadm install 1.31 --credential-provider iam-ra --region us-west-2\nnodeadm init -c file:///etc/hybridctl/nodeconfig.yaml\n";
        assertThat(NodeadmInstallRules.problems(old, rhel, "1.31", "us-west-2")).anyMatch(p -> p.startsWith("distro source for containerd is not supported on RHEL"));
        assertThat(NodeadmInstallRules.problems("nodeadm install 1.31 -p ssm --containerd-source yum\nnodeadm init -c file://x.yaml\n", rhel, "1.31", "eu-west-1"))
                .hasSize(3);
        JsonNode both = YAML.readTree("spec:\n  cluster: {name: c, region: r}\n  hybrid:\n    ssm: {activationCode: x, activationId: y}\n    iamRolesAnywhere: {nodeName: n}\n");
        assertThat(NodeadmRules.firstViolation(both)).contains("Only one of IAMRolesAnywhere or SSM must be provided for hybrid node configuration");
    }
}
