package io.hybridctl.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.PolicyDocument;
import io.hybridctl.aws.emulator.AwsFake;
import io.hybridctl.aws.emulator.LoopbackOnlyInterceptor;
import io.hybridctl.plan.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end run on moto_server: apply (preview, approve, outputs), observe + verify --observed, drift made
 * with the AWS CLI, a site added (only its routes and rules change; the existing cluster's remote networks move through
 * UpdateClusterConfig), and a final empty apply. The EKS cluster exists before the stack, as one made by eksctl would.
 */
class ApplyEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static AwsCli aws;

    @BeforeAll
    static void start() {
        aws = new AwsCli();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    static final String SITE_LAB = """
                - name: lab
                  nodeNetworks: [192.168.200.0/24]
                  podNetworks: [192.168.32.0/23]
                  router: {address: 192.168.200.254, asn: 65432, kind: vyos}
                  connection: {type: vpn, vpnEndpoint: 203.0.113.10}
                  hosts:
                    - {name: node-01, address: 192.168.200.11, os: ubuntu, osVersion: "24.04"}
                    - {name: node-02, address: 192.168.200.12, os: ubuntu, osVersion: "24.04"}
            """;

    static final String SITE_BRANCH = """
                - name: branch
                  nodeNetworks: [192.168.210.0/24]
                  podNetworks: [192.168.40.0/23]
                  router: {address: 192.168.210.254, asn: 65433, kind: vyos}
                  connection: {type: vpn, vpnEndpoint: 203.0.113.20}
                  hosts:
                    - {name: branch-01, address: 192.168.210.11, os: ubuntu, osVersion: "24.04"}
            """;

    static String spec(String gateway, String sites) {
        return """
                apiVersion: hybridctl.io/v1alpha1
                kind: HybridCluster
                metadata:
                  name: hybrid-e2e
                spec:
                  cluster:
                    region: us-west-2
                    kubernetesVersion: "1.31"
                    endpointAccess: public
                    authenticationMode: API_AND_CONFIG_MAP
                  vpc:
                    cidr: 10.250.0.0/16
                    availabilityZones: [us-west-2a, us-west-2b]
                    vpcGatewayID: %s
                  credentials:
                    provider: ssm
                  cni:
                    plugin: calico
                    version: "3.29.2"
                    podRouting: static
                    nodeBlockSize: 26
                  sites:
                %s""".formatted(gateway, sites);
    }

    static JsonNode json(MotoServer.CliResult r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    @Test
    void applyObserveDriftAddASiteAndReapply(@TempDir Path dir) throws Exception {
        MotoServer moto = aws.moto;
        String vgw = json(moto.aws("ec2", "create-vpn-gateway", "--type", "ipsec.1", "--region", "us-west-2")).path("VpnGateway").path("VpnGatewayId").asText();
        // The cluster was made before hybridctl, without remote networks (eksctl's "only during creation" case).
        json(moto.aws("eks", "create-cluster", "--region", "us-west-2", "--name", "hybrid-e2e", "--role-arn", "arn:aws:iam::123456789012:role/eks",
                "--resources-vpc-config", "subnetIds=subnet-0a,subnet-0b"));
        Path spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, spec(vgw, SITE_LAB));
        Path out = dir.resolve("out");

        // 1. The change set is shown, nothing is executed, exit 1; --approve executes it and writes the outputs.
        AwsCli.Run preview = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString());
        assertThat(preview.exit()).as(preview.all()).isEqualTo(1);
        assertThat(preview.out()).contains("stack hybrid-e2e-hybrid (new): change set hybridctl-")
                .contains("+ AWS::EC2::Route HybridRouteUSWEST2ATo192x168x200x0n24")
                .contains("+ AWS::EC2::SecurityGroupIngress Ingress443From192x168x200x0n24")
                .contains("+ remote node network 192.168.200.0/24")
                .contains("not applied: run `hybridctl apply -f " + spec + " --approve`");
        assertThat(moto.aws("cloudformation", "describe-stacks", "--region", "us-west-2", "--stack-name", "hybrid-e2e-hybrid").stdout())
                .contains("REVIEW_IN_PROGRESS");
        String changeSet = preview.out().replaceAll("(?s).*change set (hybridctl-[0-9a-f]+).*", "$1");

        int creates = aws.fake.count("CreateChangeSet");
        AwsCli.Run approved = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString(), "--approve", "--ssm-activations");
        assertThat(approved.exit()).as(approved.all()).isZero();
        assertThat(aws.fake.count("CreateChangeSet")).as("--approve executes the previewed change set, it does not make a new one").isEqualTo(creates);
        assertThat(approved.out()).contains("executing change set " + changeSet).containsPattern("stack hybrid-e2e-hybrid is (CREATE|UPDATE)_COMPLETE")
                .contains("CREATE_COMPLETE AWS::CloudFormation::Stack hybrid-e2e-hybrid").contains("applied");
        JsonNode outputs = JSON.readTree(Files.readString(out.resolve("stack-outputs.json")));
        JsonNode stack = outputs.path("Stacks").get(0);
        assertThat(stack.path("StackName").asText()).isEqualTo("hybrid-e2e-hybrid");
        Set<String> keys = StreamSupport.stream(stack.path("Outputs").spliterator(), false).map(o -> o.path("OutputKey").asText()).collect(Collectors.toSet());
        assertThat(keys).contains("RemoteNodesRoleARN", "VpcId", "ClusterSecurityGroupId", "ClusterName");
        JsonNode cluster = json(moto.aws("eks", "describe-cluster", "--region", "us-west-2", "--name", "hybrid-e2e")).path("cluster");
        assertThat(cluster.path("remoteNetworkConfig").path("remoteNodeNetworks").get(0).path("cidrs").toString()).isEqualTo("[\"192.168.200.0/24\"]");
        assertThat(cluster.path("remoteNetworkConfig").path("remotePodNetworks").get(0).path("cidrs").toString()).isEqualTo("[\"192.168.32.0/23\"]");

        // SSM: one activation for the site, limit = 2 hosts + margin, tags naming cluster and site; code only in 0600 files.
        List<AwsFake.Received> activations = aws.fake.received().stream().filter(r -> r.operation().equals("ssm:CreateActivation")).toList();
        assertThat(activations).hasSize(1);
        JsonNode req = activations.get(0).body();
        assertThat(req.path("RegistrationLimit").asInt()).isEqualTo(4);
        assertThat(req.path("IamRole").asText()).startsWith("hybrid-e2e-hybrid-HybridNodesRole");
        assertThat(req.path("Tags").toString()).contains("hybridctl.io/site").contains("\"lab\"").contains("EKSClusterARN");
        Path activationFile = out.resolve("ssm/lab.json");
        String code = JSON.readTree(Files.readString(activationFile)).path("ActivationCode").asText();
        assertThat(code).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.getPosixFilePermissions(activationFile)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Path nodeConfig = out.resolve("nodes/node-01/nodeconfig.yaml");
        assertThat(Files.readString(nodeConfig)).contains("activationCode: " + code).doesNotContain("REPLACE_ME");
        assertThat(Files.getPosixFilePermissions(nodeConfig)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        // 2. observe reads it back in verify's layout; verify --observed passes.
        Path observed = dir.resolve("observed");
        AwsCli.Run observe = aws.hybridctl("observe", "-f", spec.toString(), "-o", observed.toString());
        assertThat(observe.exit()).as(observe.all()).isZero();
        assertThat(observed.resolve("aws/route-tables.json")).exists();
        assertThat(observed.resolve("aws/security-groups.json")).exists();
        assertThat(Files.readString(observed.resolve("aws/eks-cluster.json"))).contains("\"remoteNetworkConfig\"").contains("192.168.200.0/24");
        AwsCli.Run verified = aws.hybridctl("verify", "-f", spec.toString(), "--observed", observed.toString());
        assertThat(verified.exit()).as(verified.all()).isZero();
        assertThat(verified.out()).doesNotContain("not in the export").doesNotContain("differs from the design");

        // 3. A route deleted behind hybridctl's back: verify --observe reports the drift and the flows it breaks.
        String privateTable = StreamSupport.stream(json(moto.aws("cloudformation", "describe-stack-resources", "--region", "us-west-2",
                        "--stack-name", "hybrid-e2e-hybrid")).path("StackResources").spliterator(), false)
                .filter(r -> r.path("LogicalResourceId").asText().equals("PrivateRouteTableUSWEST2A")).findFirst().orElseThrow().path("PhysicalResourceId").asText();
        json(moto.aws("ec2", "delete-route", "--region", "us-west-2", "--route-table-id", privateTable, "--destination-cidr-block", "192.168.200.0/24"));
        AwsCli.Run drift = aws.hybridctl("verify", "-f", spec.toString(), "--observe", "--observed", dir.resolve("observed-2").toString());
        assertThat(drift.exit()).as(drift.all()).isEqualTo(1);
        assertThat(drift.out()).contains("route 192.168.200.0/24 -> " + vgw + " is missing").contains("NO_ROUTE_TO_DESTINATION")
                .contains("apiserver-to-kubelet");
        json(moto.aws("ec2", "create-route", "--region", "us-west-2", "--route-table-id", privateTable, "--destination-cidr-block", "192.168.200.0/24",
                "--gateway-id", vgw));

        // 4. A site is added: only its routes and rules are new, and the cluster's remote networks grow through UpdateClusterConfig.
        Files.writeString(spec, spec(vgw, SITE_LAB + SITE_BRANCH));
        AwsCli.Run grow = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString());
        assertThat(grow.exit()).as(grow.all()).isEqualTo(1);
        List<String> changeLines = grow.out().lines().filter(l -> l.matches("  [-+~?] AWS::.*")).toList();
        // moto 5.2 reports its InternetGateway as modified on every update (it rewrites the stored resource at create).
        List<String> real = changeLines.stream().filter(l -> !l.equals("  ~ AWS::EC2::InternetGateway InternetGateway")).toList();
        assertThat(real).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("  + ").containsAnyOf("192x168x210x0n24", "192x168x40x0n23"));
        assertThat(real.stream().map(l -> l.split(" ")[4]).toList()).containsExactlyInAnyOrder(
                "HybridRouteUSWEST2ATo192x168x210x0n24", "HybridRouteUSWEST2BTo192x168x210x0n24",
                "HybridRouteUSWEST2ATo192x168x40x0n23", "HybridRouteUSWEST2BTo192x168x40x0n23",
                "Ingress443From192x168x210x0n24", "Ingress443From192x168x40x0n23",
                "Egress10250To192x168x210x0n24", "Egress443To192x168x40x0n23", "Egress9443To192x168x40x0n23", "Egress10250To192x168x40x0n23");
        assertThat(grow.out()).contains("+ remote node network 192.168.210.0/24").contains("+ remote pod network 192.168.40.0/23")
                .doesNotContain("- remote");
        int updates = aws.fake.count("UpdateClusterConfig");
        AwsCli.Run grown = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString(), "--approve");
        assertThat(grown.exit()).as(grown.all()).isZero();
        assertThat(aws.fake.count("UpdateClusterConfig")).isEqualTo(updates + 1);
        cluster = json(moto.aws("eks", "describe-cluster", "--region", "us-west-2", "--name", "hybrid-e2e")).path("cluster");
        assertThat(cluster.path("remoteNetworkConfig").path("remoteNodeNetworks").get(0).path("cidrs").toString())
                .isEqualTo("[\"192.168.200.0/24\",\"192.168.210.0/24\"]");
        assertThat(cluster.path("remoteNetworkConfig").path("remotePodNetworks").get(0).path("cidrs").toString())
                .isEqualTo("[\"192.168.32.0/23\",\"192.168.40.0/23\"]");
        // The site's activation from step 1 survives the rewrite of out/.
        assertThat(JSON.readTree(Files.readString(activationFile)).path("ActivationCode").asText()).isEqualTo(code);

        // 5. Nothing changed: an empty change set and exit 0.
        AwsCli.Run again = aws.hybridctl("apply", "-f", spec.toString(), "-o", out.toString());
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("stack hybrid-e2e-hybrid: no changes").contains("cluster remote networks: no changes").contains("no changes: ");

        // No secret in anything hybridctl printed.
        assertThat(aws.printed()).doesNotContain(code).doesNotContain(AwsCli.SECRET_KEY);

        // Every call the SDK sent is in the generated policy.
        Set<String> policy = PolicyDocument.actions(EnumSet.allOf(AwsAction.Command.class));
        Set<String> sent = new TreeSet<>();
        LoopbackOnlyInterceptor.sent().forEach(s -> sent.add(s.toLowerCase(Locale.ROOT).substring(0, s.indexOf(':')) + s.substring(s.indexOf(':'))));
        assertThat(policy).containsAll(sent);
    }
}
