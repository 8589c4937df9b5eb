package io.hybridctl.cli.aws;

import io.hybridctl.aws.emulator.AwsFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C while a change set executes: hybridctl says what still runs in CloudFormation and how to watch it. */
class ApplyInterruptTest {

    @Test
    void anInterruptDuringExecutionSaysWhatIsStillRunning(@TempDir Path dir) throws Exception {
        try (AwsCli aws = new AwsCli()) {
            String vgw = ApplyEndToEndTest.json(aws.moto.aws("ec2", "create-vpn-gateway", "--type", "ipsec.1", "--region", "us-west-2"))
                    .path("VpnGateway").path("VpnGatewayId").asText();
            Path spec = ApplyFaultsTest.spec(dir, "slow", vgw);
            // CloudFormation accepts the execution and keeps working on it for as long as the test needs.
            aws.fake.inject("ExecuteChangeSet", 1, AwsFake.Answer.xml(200,
                    "<ExecuteChangeSetResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><ExecuteChangeSetResult/></ExecuteChangeSetResponse>"));
            aws.fake.rewrite("DescribeStacks", body -> aws.fake.count("ExecuteChangeSet") == 0 ? body
                    : body.replace("<StackStatus>REVIEW_IN_PROGRESS</StackStatus>", "<StackStatus>CREATE_IN_PROGRESS</StackStatus>"));

            String java = ProcessHandle.current().info().command().orElseThrow();
            Path err = dir.resolve("stderr");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Daws.accessKeyId=AKIAMOTOTESTING00000", "-Daws.secretAccessKey=" + AwsCli.SECRET_KEY, "-Daws.disableEc2Metadata=true",
                    "io.hybridctl.cli.Main", "apply", "-f", spec.toString(), "-o", dir.resolve("out").toString(), "--approve",
                    "--region", "us-west-2", "--endpoint-url", aws.fake.endpoint().toString())
                    .redirectOutput(dir.resolve("stdout").toFile()).redirectError(err.toFile()).start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (aws.fake.count("ExecuteChangeSet") == 0 || aws.fake.count("DescribeStacks") < 4) {
                    assertThat(p.isAlive()).as("apply exited early: " + Files.readString(err)).isTrue();
                    assertThat(Instant.now()).as("apply never started executing").isBefore(deadline);
                    p.waitFor(200, TimeUnit.MILLISECONDS);
                }
                new ProcessBuilder(List.of("kill", "-INT", Long.toString(p.pid()))).start().waitFor();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            String stderr = Files.readString(err);
            assertThat(stderr).containsPattern("hybridctl: interrupted; change set hybridctl-[0-9a-f]+ is still executing on stack slow-hybrid "
                    + "\\(CloudFormation carries on without hybridctl\\)\\. Watch it with `aws cloudformation describe-stack-events --stack-name slow-hybrid`");
            assertThat(stderr + Files.readString(dir.resolve("stdout"))).doesNotContain(AwsCli.SECRET_KEY);
        }
    }
}
