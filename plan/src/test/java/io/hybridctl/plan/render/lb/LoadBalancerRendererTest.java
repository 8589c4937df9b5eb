package io.hybridctl.plan.render.lb;

import io.hybridctl.plan.Examples;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerRendererTest {

    private static HybridCluster spec() {
        return Examples.load(Examples.repo().resolve("examples/lab-cilium-bgp.yaml"));
    }

    /** The IAM policy and the chart come from the same release: v3.5.0 calls APIs the v2.11.0 policy lacks. */
    @Test
    void theControllerChartAndItsIamPolicyArePinnedTogetherAndTheRepoIsAdded() {
        String notes = new LoadBalancerRenderer().albcNotes(spec());
        assertThat(notes).contains("helm repo add eks https://aws.github.io/eks-charts")
                .contains("eks/aws-load-balancer-controller --version 3.5.0")
                .contains("aws-load-balancer-controller/v3.5.0/docs/install/iam_policy.json")
                .doesNotContain("v2.11.0");
        assertThat(new LoadBalancerRenderer().albcValues(spec())).contains("--version 3.5.0");
    }
}
