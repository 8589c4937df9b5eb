package io.hybridctl.plan.stack;

import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOutputsTest {

    static final String ANCHOR = "arn:aws:rolesanywhere:us-west-2:123456789012:trust-anchor/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    static final String PROFILE = "arn:aws:rolesanywhere:us-west-2:123456789012:profile/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
    static final String ROLE = "arn:aws:iam::123456789012:role/demo-hybrid-HybridNodesRole-ABC";

    /** As `aws cloudformation describe-stacks --stack-name demo-hybrid` prints it (another stack listed first). */
    static final String DESCRIBE = """
            {
              "Stacks": [
                {"StackName": "other", "StackStatus": "CREATE_COMPLETE", "Outputs": []},
                {
                  "StackId": "arn:aws:cloudformation:us-west-2:123456789012:stack/demo-hybrid/1",
                  "StackName": "demo-hybrid",
                  "StackStatus": "UPDATE_COMPLETE",
                  "Outputs": [
                    {"OutputKey": "RemoteNodesTrustAnchorARN", "OutputValue": "%s", "Description": "NodeConfig trustAnchorArn"},
                    {"OutputKey": "RemoteNodesAnywhereProfileARN", "OutputValue": "%s"},
                    {"OutputKey": "RemoteNodesRoleARN", "OutputValue": "%s"},
                    {"OutputKey": "VpcId", "OutputValue": "vpc-0123"}
                  ]
                }
              ]
            }
            """.formatted(ANCHOR, PROFILE, ROLE);

    @Test
    void readsTheNamedStacksOutputsAndTheRolesAnywhereArns() throws Exception {
        StackOutputs s = StackOutputs.parse(DESCRIBE, "d.json", "demo-hybrid");
        assertThat(s.stackStatus()).contains("UPDATE_COMPLETE");
        assertThat(s.get(StackOutputs.VPC_ID)).contains("vpc-0123");
        NodeCredentials.IamRolesAnywhere ira = s.iamRolesAnywhere(Optional.empty(), "d.json");
        assertThat(ira.trustAnchorArn()).isEqualTo(ANCHOR);
        assertThat(ira.profileArn()).isEqualTo(PROFILE);
        assertThat(ira.roleArn()).isEqualTo(ROLE);
        assertThat(ira.certificatePath()).isEqualTo(NodeCredentials.IamRolesAnywhere.DEFAULT_CERTIFICATE);
    }

    @Test
    void aBringYourOwnRoleWinsOverTheStackOutput() throws Exception {
        StackOutputs s = StackOutputs.parse(DESCRIBE, "d.json", "demo-hybrid");
        assertThat(s.iamRolesAnywhere(Optional.of("arn:aws:iam::1:role/mine"), "d.json").roleArn()).isEqualTo("arn:aws:iam::1:role/mine");
    }

    @Test
    void theQueriedOutputsArrayAlsoReads() throws Exception {
        String bare = "[{\"OutputKey\": \"RemoteNodesTrustAnchorARN\", \"OutputValue\": \"" + ANCHOR + "\"}]";
        assertThat(StackOutputs.parse(bare, "q.json", "demo-hybrid").get(StackOutputs.TRUST_ANCHOR_ARN)).contains(ANCHOR);
    }

    @Test
    void writtenJsonReadsBackTheSame(@TempDir Path dir) throws Exception {
        StackOutputs s = StackOutputs.parse(DESCRIBE, "d.json", "demo-hybrid");
        Path f = dir.resolve("stack-outputs.json");
        Files.writeString(f, s.toDescribeStacksJson());
        assertThat(StackOutputs.read(f, "demo-hybrid")).isEqualTo(s);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> StackOutputs.parse("{\n  \"Stacks\": [\n    {\"StackName\": }\n", "bad.json", "demo-hybrid"))
                .isInstanceOf(PlanInputException.class)
                .hasMessageStartingWith("bad.json:3:")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("describe-stacks --stack-name demo-hybrid");
    }

    @Test
    void aMissingStackListsTheStacksFound() {
        assertThatThrownBy(() -> StackOutputs.parse(DESCRIBE, "d.json", "prod-hybrid"))
                .isInstanceOf(PlanInputException.class)
                .hasMessageStartingWith("d.json: /Stacks: no stack named prod-hybrid (found other, demo-hybrid)")
                .hasMessageContaining("hybridctl apply");
    }

    @Test
    void aStackWithoutOutputsSaysItsStatus() {
        String failed = "{\"Stacks\": [{\"StackName\": \"demo-hybrid\", \"StackStatus\": \"ROLLBACK_COMPLETE\"}]}";
        assertThatThrownBy(() -> StackOutputs.parse(failed, "d.json", "demo-hybrid"))
                .hasMessageStartingWith("d.json: /Stacks/0: stack demo-hybrid has no Outputs (status ROLLBACK_COMPLETE)");
    }

    @Test
    void aMissingOutputListsWhatTheStackHas() throws Exception {
        String ssm = "{\"Stacks\": [{\"StackName\": \"demo-hybrid\", \"Outputs\": [{\"OutputKey\": \"RemoteNodesRoleARN\", \"OutputValue\": \"" + ROLE + "\"}]}]}";
        StackOutputs s = StackOutputs.parse(ssm, "d.json", "demo-hybrid");
        assertThatThrownBy(() -> s.iamRolesAnywhere(Optional.empty(), "d.json"))
                .isInstanceOf(PlanInputException.class)
                .hasMessageStartingWith("d.json: stack demo-hybrid has no output RemoteNodesAnywhereProfileARN (it has RemoteNodesRoleARN)");
    }

    @Test
    void anOutputWithoutItsFieldsIsLocated() {
        String odd = "{\"Stacks\": [{\"StackName\": \"demo-hybrid\", \"Outputs\": [{\"OutputKey\": \"VpcId\"}]}]}";
        assertThatThrownBy(() -> StackOutputs.parse(odd, "d.json", "demo-hybrid"))
                .hasMessageStartingWith("d.json: /Stacks/0/Outputs/0: an output needs string fields OutputKey and OutputValue");
    }

    @Test
    void notDescribeStacksOutputAndMissingFilesAreExplained(@TempDir Path dir) {
        assertThatThrownBy(() -> StackOutputs.parse("{\"StackSummaries\": []}", "d.json", "demo-hybrid"))
                .hasMessageStartingWith("d.json: no \"Stacks\" array");
        assertThatThrownBy(() -> StackOutputs.read(dir.resolve("none.json"), "demo-hybrid"))
                .hasMessageEndingWith("none.json: no such file; write it with `aws cloudformation describe-stacks --stack-name demo-hybrid > "
                        + dir.resolve("none.json") + "` or run `hybridctl apply`");
    }
}
