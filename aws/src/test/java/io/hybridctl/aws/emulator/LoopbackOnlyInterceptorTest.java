package io.hybridctl.aws.emulator;

import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackOnlyInterceptorTest {

    @Test
    void aClientAimedAtRealAwsFailsTheTestBeforeSendingAnything() {
        System.setProperty("aws.accessKeyId", "AKIAGUARDTEST0000000");
        System.setProperty("aws.secretAccessKey", "guard-test");
        System.setProperty("aws.disableEc2Metadata", "true");
        try (AwsClients clients = new AwsClients(new AwsTarget(Optional.empty(), Optional.of("us-west-2"), Optional.empty()), "us-west-2");
             AwsClients elsewhere = new AwsClients(new AwsTarget(Optional.empty(), Optional.of("us-west-2"), Optional.of(URI.create("http://10.0.0.1:5000"))), "us-west-2")) {
            assertThatThrownBy(() -> clients.ec2().describeRouteTables()).hasStackTraceContaining("https://ec2.us-west-2.amazonaws.com:443 is not loopback");
            assertThatThrownBy(() -> elsewhere.sts().getCallerIdentity()).hasStackTraceContaining("http://10.0.0.1:5000 is not loopback");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }
}
