package io.hybridctl.cli.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.aws.emulator.AwsFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults injected at the HTTP boundary in front of moto: throttling, denied calls, a failed stack; --force; DescribeUpdate; CRLs. */
class ApplyFaultsTest {

    static AwsCli aws;

    @BeforeAll
    static void start() {
        aws = new AwsCli();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @AfterEach
    void clean() {
        aws.fake.reset();
        aws.moto.reset();
    }

    static Path spec(Path dir, String name, String gateway) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, ApplyEndToEndTest.spec(gateway, ApplyEndToEndTest.SITE_LAB).replace("name: hybrid-e2e", "name: " + name));
        return f;
    }

    String vgw() throws Exception {
        return ApplyEndToEndTest.json(aws.moto.aws("ec2", "create-vpn-gateway", "--type", "ipsec.1", "--region", "us-west-2")).path("VpnGateway").path("VpnGatewayId").asText();
    }

    @Test
    void throttlingIsRetriedByTheSdksStandardMode(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "throttled", vgw());
        aws.fake.inject("DescribeStacks", 2, AwsFake.queryError(400, "Throttling", "Rate exceeded"));
        AwsCli.Run r = aws.hybridctl("observe", "-f", spec.toString(), "-o", dir.resolve("obs").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(aws.fake.count("DescribeStacks")).as("two throttled attempts, then the one that got through").isEqualTo(3);
    }

    @Test
    void aDeniedReadIsNamedByItsActionAndTheRestStillRuns(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "denied", vgw());
        ApplyEndToEndTest.json(aws.moto.aws("eks", "create-cluster", "--region", "us-west-2", "--name", "denied", "--role-arn", "arn:aws:iam::123456789012:role/eks",
                "--resources-vpc-config", "subnetIds=subnet-0a,subnet-0b"));
        aws.fake.inject("DescribeStacks", 1, AwsFake.queryError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudformation:DescribeStacks"));
        Path obs = dir.resolve("obs");
        AwsCli.Run r = aws.hybridctl("observe", "-f", spec.toString(), "-o", obs.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("observe: missing permission cloudformation:DescribeStacks (AccessDenied");
        assertThat(obs.resolve("aws/eks-cluster.json")).exists();
    }

    @Test
    void aDeniedChangeSetStopsApplyNamingTheAction(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "nocreate", vgw());
        aws.fake.inject("CreateChangeSet", 1, AwsFake.queryError(403, "AccessDenied", "not authorized to perform: cloudformation:CreateChangeSet"));
        AwsCli.Run r = aws.hybridctl("apply", "-f", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).startsWith("hybridctl: missing permission cloudformation:CreateChangeSet (AccessDenied").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFailedStackShowsTheFirstFailedResourcesReasonAndTheRollbackState(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "failing", vgw());
        String stack = "failing-hybrid";
        // CloudFormation accepts the execution, then the route fails and the stack rolls back.
        aws.fake.inject("ExecuteChangeSet", 1, AwsFake.Answer.xml(200,
                "<ExecuteChangeSetResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><ExecuteChangeSetResult/></ExecuteChangeSetResponse>"));
        aws.fake.rewrite("DescribeStacks", body -> aws.fake.count("ExecuteChangeSet") == 0 ? body
                : body.replace("<StackStatus>REVIEW_IN_PROGRESS</StackStatus>", "<StackStatus>ROLLBACK_COMPLETE</StackStatus>"));
        String events = "<DescribeStackEventsResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStackEventsResult><StackEvents>"
                + event("e4", stack, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", "", "2026-12-04T19:00:09Z")
                + event("e3", "VPC", "AWS::EC2::VPC", "DELETE_COMPLETE", "", "2026-12-04T19:00:08Z")
                + event("e2b", "HybridRouteUSWEST2BTo192x168x200x0n24", "AWS::EC2::Route", "CREATE_FAILED", "Resource creation cancelled", "2026-12-04T19:00:06Z")
                + event("e2", "HybridRouteUSWEST2ATo192x168x200x0n24", "AWS::EC2::Route", "CREATE_FAILED",
                "The gateway ID 'vgw-0bad' does not exist (Service: Ec2, Status Code: 400)", "2026-12-04T19:00:05Z")
                + event("e1", stack, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", "2026-12-04T19:00:01Z")
                + "</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>";
        aws.fake.rewrite("DescribeStackEvents", body -> aws.fake.count("ExecuteChangeSet") == 0 ? body : events);
        AwsCli.Run r = aws.hybridctl("apply", "-f", spec.toString(), "-o", dir.resolve("out").toString(), "--approve");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("CREATE_FAILED AWS::EC2::Route HybridRouteUSWEST2ATo192x168x200x0n24: The gateway ID 'vgw-0bad' does not exist");
        assertThat(r.err()).contains("hybridctl: stack failing-hybrid is ROLLBACK_COMPLETE; first failure: HybridRouteUSWEST2ATo192x168x200x0n24 (AWS::EC2::Route) "
                + "CREATE_FAILED: The gateway ID 'vgw-0bad' does not exist");
    }

    static String event(String id, String logical, String type, String status, String reason, String time) {
        return "<member><EventId>" + id + "</EventId><StackName>failing-hybrid</StackName><StackId>arn:aws:cloudformation:us-west-2:123456789012:stack/failing-hybrid/1</StackId>"
                + "<LogicalResourceId>" + logical + "</LogicalResourceId><ResourceType>" + type + "</ResourceType><Timestamp>" + time + "</Timestamp>"
                + "<ResourceStatus>" + status + "</ResourceStatus>" + (reason.isEmpty() ? "" : "<ResourceStatusReason>" + reason + "</ResourceStatusReason>") + "</member>";
    }

    @Test
    void removingANetworkWithRegisteredNodesNeedsForceAndIsAwaitedWithDescribeUpdate(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "shrink", vgw());
        ApplyEndToEndTest.json(aws.moto.aws("eks", "create-cluster", "--region", "us-west-2", "--name", "shrink", "--role-arn", "arn:aws:iam::123456789012:role/eks",
                "--resources-vpc-config", "subnetIds=subnet-0a,subnet-0b",
                "--remote-network-config", "{\"remoteNodeNetworks\":[{\"cidrs\":[\"192.168.200.0/24\",\"192.168.99.0/24\"]}],\"remotePodNetworks\":[{\"cidrs\":[\"192.168.32.0/23\"]}]}"));
        aws.fake.registerManagedInstance("mi-0123456789abcdef0", "old-01", "192.168.99.11");
        aws.fake.registerManagedInstance("mi-0fedcba9876543210", "node-01", "192.168.200.11");
        Path out = dir.resolve("out");
        AwsCli.Run preview = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString());
        assertThat(preview.exit()).as(preview.all()).isEqualTo(1);
        assertThat(preview.out()).contains("  - remote node network 192.168.99.0/24")
                .contains("removal cuts off registered hybrid nodes (needs --force): old-01 192.168.99.11 (mi-0123456789abcdef0)")
                .doesNotContain("node-01 192.168.200.11");
        AwsCli.Run refused = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString(), "--approve");
        assertThat(refused.exit()).as(refused.all()).isEqualTo(1);
        assertThat(refused.err()).contains("would cut off registered hybrid nodes [old-01 (192.168.99.11)]; drain and deregister them first, or pass --force");
        assertThat(aws.fake.count("ExecuteChangeSet")).isZero();

        // Real EKS answers UpdateClusterConfig with an update to await; moto answers with the cluster, so that part is injected.
        aws.fake.rewrite("UpdateClusterConfig", body -> "{\"update\":{\"id\":\"0f1e2d3c-0000-4000-8000-000000000001\",\"status\":\"InProgress\",\"type\":\"ConfigUpdate\"}}");
        aws.fake.inject("DescribeUpdate", 1, new AwsFake.Answer(200, "application/json",
                "{\"update\":{\"id\":\"0f1e2d3c-0000-4000-8000-000000000001\",\"status\":\"InProgress\",\"type\":\"ConfigUpdate\"}}"));
        aws.fake.inject("DescribeUpdate", 1, new AwsFake.Answer(200, "application/json",
                "{\"update\":{\"id\":\"0f1e2d3c-0000-4000-8000-000000000001\",\"status\":\"Successful\",\"type\":\"ConfigUpdate\"}}"));
        AwsCli.Run forced = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString(), "--approve", "--force");
        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(forced.out()).contains("EKS update 0f1e2d3c-0000-4000-8000-000000000001 (ConfigUpdate): InProgress")
                .contains("EKS update 0f1e2d3c-0000-4000-8000-000000000001: Successful")
                .contains("cluster shrink remote networks: nodes [192.168.200.0/24], pods [192.168.32.0/23]");
        assertThat(aws.fake.count("DescribeUpdate")).isEqualTo(2);
        assertThat(aws.moto.aws("eks", "describe-cluster", "--region", "us-west-2", "--name", "shrink").stdout()).doesNotContain("192.168.99.0/24");
    }

    @Test
    void applyCrlImportsThenUpdatesTheCrlOfTheStacksTrustAnchor(@TempDir Path dir) throws Exception {
        Path repo = Path.of(System.getProperty("hybridctl.repo"));
        Files.copy(repo.resolve("examples/two-site-ira.yaml"), dir.resolve("two-site-ira.yaml"));
        Files.copy(repo.resolve("examples/two-site-ira-ca.pem"), dir.resolve("two-site-ira-ca.pem"));
        String anchor = "arn:aws:rolesanywhere:us-west-2:123456789012:trust-anchor/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        Path template = dir.resolve("outputs.yaml");
        Files.writeString(template, "Resources:\n  Nothing:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}\n"
                + "Outputs:\n  RemoteNodesTrustAnchorARN:\n    Value: " + anchor + "\n");
        ApplyEndToEndTest.json(aws.moto.aws("cloudformation", "create-stack", "--region", "us-west-2", "--stack-name", "hybrid-two-site-hybrid",
                "--template-body", "file://" + template));
        Path crl = dir.resolve("crl.pem");
        Files.writeString(crl, "-----BEGIN X509 CRL-----\nMIIBXjCB1AIBATAKBggqhkjOPQQDAjAbMRkwFwYDVQQDDBBoeWJyaWRjdGwgdGVzdCBDQRcN\n-----END X509 CRL-----\n");
        AwsCli.Run first = aws.hybridctl("apply", "crl", "-f", dir.resolve("two-site-ira.yaml").toString(), "--crl", crl.toString());
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).startsWith("imported hybrid-two-site-hybridctl-crl (arn:aws:rolesanywhere:").contains("for trust anchor " + anchor);
        Files.writeString(crl, Files.readString(crl).replace("MIIB", "MIIC"));
        AwsCli.Run second = aws.hybridctl("apply", "crl", "-f", dir.resolve("two-site-ira.yaml").toString(), "--crl", crl.toString());
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).startsWith("updated hybrid-two-site-hybridctl-crl");
        assertThat(aws.fake.crls()).hasSize(1);
        var stored = aws.fake.crls().values().iterator().next();
        assertThat(stored.path("trustAnchorArn").asText()).isEqualTo(anchor);
        assertThat(new String(Base64.getDecoder().decode(stored.path("crlData").asText()), StandardCharsets.US_ASCII)).contains("MIIC");
        assertThat(aws.fake.count("rolesanywhere:ImportCrl")).isEqualTo(1);
        assertThat(aws.fake.count("rolesanywhere:UpdateCrl")).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(aws.fake.received().getLast().body().toString()).has("crlData")).isTrue();
    }

    @Test
    void observeWritesEveryRouteOfTheTransitGatewaysTables(@TempDir Path dir) throws Exception {
        var moto = aws.moto;
        String tgw = ApplyEndToEndTest.json(moto.aws("ec2", "create-transit-gateway", "--region", "us-west-2")).path("TransitGateway").path("TransitGatewayId").asText();
        String rtb = ApplyEndToEndTest.json(moto.aws("ec2", "describe-transit-gateway-route-tables", "--region", "us-west-2",
                "--filters", "Name=transit-gateway-id,Values=" + tgw)).path("TransitGatewayRouteTables").get(0).path("TransitGatewayRouteTableId").asText();
        String cgw = ApplyEndToEndTest.json(moto.aws("ec2", "create-customer-gateway", "--region", "us-west-2", "--type", "ipsec.1", "--public-ip", "203.0.113.10",
                "--bgp-asn", "65000")).path("CustomerGateway").path("CustomerGatewayId").asText();
        String vpn = ApplyEndToEndTest.json(moto.aws("ec2", "create-vpn-connection", "--region", "us-west-2", "--type", "ipsec.1", "--customer-gateway-id", cgw,
                "--transit-gateway-id", tgw)).path("VpnConnection").path("VpnConnectionId").asText();
        String att = ApplyEndToEndTest.json(moto.aws("ec2", "describe-transit-gateway-attachments", "--region", "us-west-2", "--filters", "Name=resource-id,Values=" + vpn))
                .path("TransitGatewayAttachments").get(0).path("TransitGatewayAttachmentId").asText();
        ApplyEndToEndTest.json(moto.aws("ec2", "create-transit-gateway-route", "--region", "us-west-2", "--transit-gateway-route-table-id", rtb,
                "--destination-cidr-block", "192.168.200.0/24", "--transit-gateway-attachment-id", att));
        ApplyEndToEndTest.json(moto.aws("ec2", "create-transit-gateway-route", "--region", "us-west-2", "--transit-gateway-route-table-id", rtb,
                "--destination-cidr-block", "192.168.32.0/23", "--blackhole"));
        Path spec = spec(dir, "transit", tgw);
        Path obs = dir.resolve("obs");
        AwsCli.Run r = aws.hybridctl("observe", "-f", spec.toString(), "-o", obs.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        var routes = new ObjectMapper().readTree(Files.readString(obs.resolve("aws/transit-gateway-routes.json"))).path("Routes");
        assertThat(routes).hasSize(2);
        assertThat(routes.toString()).contains("\"DestinationCidrBlock\":\"192.168.200.0/24\"").contains("\"State\":\"active\"")
                .contains("\"DestinationCidrBlock\":\"192.168.32.0/23\"").contains("\"State\":\"blackhole\"");
        assertThat(aws.fake.count("SearchTransitGatewayRoutes")).isEqualTo(1);
    }

    @Test
    void nothingPrintedHoldsTheSecretKey() {
        assertThat(aws.printed()).doesNotContain(AwsCli.SECRET_KEY);
    }
}
