package io.hybridctl.plan.render.docs;

import io.hybridctl.plan.Examples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookRendererTest {

    private static String readme(String example) {
        return Examples.plan(Examples.repo().resolve("examples/" + example + ".yaml")).get("README.md").text();
    }

    /** `pki issue` makes every key centrally; the runbook must say so, say where each goes, and how the ARNs get in. */
    @Test
    void theIamRolesAnywhereStepsSayWhereKeysAreMadeAndWhereTheyGo() {
        String md = readme("two-site-ira");
        assertThat(md).doesNotContain("never leaves the machine")
                .contains("pki/nodes/<host>/server.key").contains("/etc/iam/pki/server.key")
                .contains("--stack-outputs stack-outputs.json").contains("describe-stacks");
        String install = Examples.plan(Examples.repo().resolve("examples/two-site-ira.yaml")).get("nodes/east-01/install.sh").text();
        assertThat(install).doesNotContain("never leaves").contains("pki/nodes/east-01/server.key");
    }

    @Test
    void theVpnStepNamesTheAwsTunnelOptionsThatMustMatch() {
        assertThat(readme("lab-cilium-bgp")).contains("one SA pair per AWS tunnel").contains("0.0.0.0/0").contains("updown.sh")
                .contains("lb/install.sh").contains("hybridctl.io/pod-block=unassigned:NoSchedule");
    }
}
