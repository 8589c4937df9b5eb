package io.hybridctl.aws.apply;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.PlanSources;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedArtifactsTest {

    static final String ANCHOR = "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    static final String PROFILE = "arn:aws:rolesanywhere:eu-west-1:123456789012:profile/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
    static final String ROLE = "arn:aws:iam::123456789012:role/hybrid-two-site-hybrid-HybridNodesRole-ABC";

    static Path example(Path dir, String name) throws Exception {
        Path repo = Path.of(System.getProperty("hybridctl.repo"));
        try (var files = Files.list(repo.resolve("examples"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir.resolve(name);
    }

    static RenderedPlan plan(HybridCluster spec, Path file) throws Exception {
        return ((PlanOutcome.Rendered) new Planner().plan(PlanSources.read(spec, file, Optional.empty()))).plan();
    }

    @Test
    void nodeConfigsAreRenderedAgainWithTheStacksRolesAnywhereArns(@TempDir Path dir) throws Exception {
        Path file = example(dir, "two-site-ira.yaml");
        HybridCluster spec = new SpecLoader().load(file).validSpec().orElseThrow();
        RenderedPlan plan = plan(spec, file);
        assertThat(plan.get("nodes/east-01/nodeconfig.yaml").text()).contains("REPLACE_ME_RemoteNodesTrustAnchorARN");
        StackOutputs outputs = new StackOutputs("hybrid-two-site-hybrid", Optional.of("CREATE_COMPLETE"),
                Map.of(StackOutputs.TRUST_ANCHOR_ARN, ANCHOR, StackOutputs.PROFILE_ARN, PROFILE, StackOutputs.ROLE_ARN, ROLE));
        RenderedPlan applied = AppliedArtifacts.with(plan, spec, Optional.of(outputs), Map.of());
        for (String host : new String[] {"east-01", "east-03", "west-02"}) {
            String nc = applied.get("nodes/" + host + "/nodeconfig.yaml").text();
            assertThat(nc).contains("trustAnchorArn: " + ANCHOR).contains("profileArn: " + PROFILE).contains("roleArn: " + ROLE)
                    .contains("nodeName: " + host).doesNotContain("REPLACE_ME");
        }
        assertThat(StackOutputs.parse(applied.get(AppliedArtifacts.STACK_OUTPUTS).text(), "stack-outputs.json", "hybrid-two-site-hybrid")).isEqualTo(outputs);
        // Everything else is plan's output, byte for byte.
        assertThat(applied.get("cloudformation/new-vpc.yaml")).isEqualTo(plan.get("cloudformation/new-vpc.yaml"));
    }

    @Test
    void ssmNodeConfigsGetTheirSitesActivationAndBecomeSecret(@TempDir Path dir) throws Exception {
        Path file = example(dir, "lab-calico-static.yaml");
        HybridCluster spec = new SpecLoader().load(file).validSpec().orElseThrow();
        SsmActivation a = new SsmActivation("0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b", "AbCdEfGhIjKlMnOpQrStUv");
        RenderedPlan applied = AppliedArtifacts.with(plan(spec, file), spec, Optional.empty(), Map.of("lab", a));
        Artifact nc = applied.get("nodes/node-01/nodeconfig.yaml");
        assertThat(nc.text()).contains("activationCode: AbCdEfGhIjKlMnOpQrStUv");
        assertThat(nc.mode()).isEqualTo(Artifact.Mode.SECRET);
        Artifact file0600 = applied.get(AppliedArtifacts.activationPath("lab"));
        assertThat(file0600.mode()).isEqualTo(Artifact.Mode.SECRET);
        assertThat(SsmActivation.parseJson(file0600.text())).isEqualTo(a);
        assertThat(applied.artifacts()).doesNotContainKey(AppliedArtifacts.STACK_OUTPUTS);
    }
}
