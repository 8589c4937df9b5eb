package io.hybridctl.aws.stack;

import io.hybridctl.aws.apply.Applier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackDeployerTest {

    @Test
    void theSameTemplateAndParametersAlwaysNameTheSameChangeSet() {
        String a = StackDeployer.changeSetName("Resources: {}", Map.of("VpcId", "vpc-1"));
        assertThat(a).matches("hybridctl-[0-9a-f]{20}").isEqualTo(StackDeployer.changeSetName("Resources: {}", Map.of("VpcId", "vpc-1")));
        assertThat(StackDeployer.changeSetName("Resources: {}", Map.of("VpcId", "vpc-2"))).isNotEqualTo(a);
        assertThat(StackDeployer.changeSetName("Resources: {} ", Map.of("VpcId", "vpc-1"))).isNotEqualTo(a);
    }

    @Test
    void anInterruptedExecutionSaysWhatStillRunsAndHowToWatchIt() {
        String create = Applier.stillRunning(new ChangeSetPreview("demo-hybrid", "hybridctl-0123", true, List.of()));
        assertThat(create).isEqualTo("change set hybridctl-0123 is still executing on stack demo-hybrid (CloudFormation carries on without hybridctl). "
                + "Watch it with `aws cloudformation describe-stack-events --stack-name demo-hybrid` or wait with "
                + "`aws cloudformation wait stack-create-complete --stack-name demo-hybrid`");
        assertThat(Applier.stillRunning(new ChangeSetPreview("demo-hybrid", "hybridctl-0123", false, List.of()))).contains("wait stack-update-complete");
    }
}
