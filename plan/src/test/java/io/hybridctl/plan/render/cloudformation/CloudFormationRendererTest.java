package io.hybridctl.plan.render.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.TestSpecs;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.ipam.AllocationResult;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.PodBlockAllocator;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CloudFormationRendererTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode template(String example, String path) throws Exception {
        RenderedPlan plan = Examples.plan(Examples.repo().resolve("examples/" + example + ".yaml"));
        return YAML.readTree(plan.get(path).text());
    }

    @Test
    void iraRoleTrustBindsTheSessionNameToTheCertificateCnAndTheTrustAnchor() throws Exception {
        JsonNode t = template("two-site-ira", "cloudformation/new-vpc.yaml");
        JsonNode statements = t.at("/Resources/HybridNodesRole/Properties/AssumeRolePolicyDocument/Statement");
        assertThat(statements).hasSize(2);
        JsonNode assume = statements.get(1);
        assertThat(assume.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(assume.at("/Condition/StringEquals/sts:RoleSessionName").asText()).isEqualTo("${aws:PrincipalTag/x509Subject/CN}");
        assertThat(assume.at("/Condition/ArnEquals/aws:SourceArn/Fn::GetAtt/0").asText()).isEqualTo("TrustAnchor");
        assertThat(statements.get(0).at("/Condition/ArnEquals/aws:SourceArn/Fn::GetAtt/1").asText()).isEqualTo("TrustAnchorArn");
        assertThat(t.at("/Resources/AnywhereProfile/Properties/AcceptRoleSessionName").asBoolean()).isTrue();
        assertThat(t.at("/Resources/TrustAnchor/Properties/Source/SourceData/X509CertificateData").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(t.path("Outputs").has("RemoteNodesTrustAnchorARN")).isTrue();
        assertThat(t.path("Outputs").has("RemoteNodesAnywhereProfileARN")).isTrue();
        assertThat(t.path("Outputs").has("RemoteNodesRoleARN")).isTrue();
    }

    @Test
    void ssmRoleTrustIsLimitedToThisAccountsActivations() throws Exception {
        JsonNode t = template("lab-cilium-bgp", "cloudformation/new-vpc.yaml");
        JsonNode s = t.at("/Resources/HybridNodesRole/Properties/AssumeRolePolicyDocument/Statement/0");
        assertThat(s.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText()).isEqualTo("AWS::AccountId");
        assertThat(s.at("/Condition/ArnEquals/aws:SourceArn/Fn::Sub").asText()).isEqualTo("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:*");
        assertThat(s.at("/Principal/Service/Fn::FindInMap/0").asText()).isEqualTo("PartitionMap");
        assertThat(t.at("/Mappings/PartitionMap").fieldNames()).toIterable().contains("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
        assertThat(t.at("/Resources/RemoteNodesAccessEntry/Properties/Type").asText()).isEqualTo("HYBRID_LINUX");
        assertThat(t.at("/Resources/ControlPlane/Properties/RemoteNetworkConfig/RemotePodNetworks/0/Cidrs/0").asText()).isEqualTo("192.168.32.0/23");
    }

    @Test
    void everyPrivateRouteTableRoutesEveryRemoteNetworkToTheGateway() throws Exception {
        JsonNode t = template("lab-cilium-bgp", "cloudformation/new-vpc.yaml");
        for (String az : List.of("USWEST2A", "USWEST2B")) {
            for (String cidr : List.of("192x168x200x0n24", "192x168x32x0n23")) {
                JsonNode r = t.at("/Resources/HybridRoute" + az + "To" + cidr + "/Properties");
                assertThat(r.at("/RouteTableId/Ref").asText()).isEqualTo("PrivateRouteTable" + az);
                assertThat(r.path("TransitGatewayId").asText()).isEqualTo("tgw-0a1b2c3d4e5f60718");
            }
        }
        assertThat(t.at("/Resources/Egress10250To192x168x200x0n24/Properties/ToPort").asInt()).isEqualTo(10250);
        assertThat(t.at("/Resources/Ingress443From192x168x32x0n23/Properties/FromPort").asInt()).isEqualTo(443);
    }

    @Test
    void unroutablePodsGetNoPodRoutesRulesOrRemotePodNetworks() throws Exception {
        JsonNode t = template("unroutable-pods", "cloudformation/new-vpc.yaml");
        assertThat(t.at("/Resources/ControlPlane/Properties/RemoteNetworkConfig").has("RemotePodNetworks")).isFalse();
        assertThat(t.path("Resources").fieldNames()).toIterable().noneMatch(n -> n.contains("10x200x0x0"));
        assertThat(t.at("/Resources/HybridGatewayAttachment/Type").asText()).isEqualTo("AWS::EC2::VPCGatewayAttachment");
    }

    @Test
    void theExistingVpcVariantTakesIdsAsParametersAndStillAddsRoutes() throws Exception {
        JsonNode t = template("lab-cilium-bgp", "cloudformation/existing-vpc.yaml");
        assertThat(t.at("/Parameters/VpcId/Type").asText()).isEqualTo("AWS::EC2::VPC::Id");
        assertThat(t.at("/Parameters/SubnetIds/Type").asText()).isEqualTo("List<AWS::EC2::Subnet::Id>");
        assertThat(t.at("/Parameters/RouteTableIds/Type").asText()).isEqualTo("CommaDelimitedList");
        assertThat(t.at("/Resources/HybridRoute1To192x168x32x0n23/Properties/RouteTableId/Fn::Select/0").asInt()).isEqualTo(1);
        assertThat(t.path("Resources").has("VPC")).isFalse();
    }

    @Test
    void aBringYourOwnRoleIsUsedLiterallyByTheAccessEntryAndTheProfile() throws Exception {
        HybridCluster base = TestSpecs.spec(26, List.of(new TestSpecs.SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a"))));
        String arn = "arn:aws:iam::111122223333:role/MyHybridRole";
        HybridCluster spec = new HybridCluster(base.name(), base.cluster(), base.vpc(),
                new Credentials(Credentials.Provider.IAM_ROLES_ANYWHERE, Optional.of(arn), Optional.empty()), base.cni(), base.sites());
        var allocations = ((AllocationResult.Allocated) new PodBlockAllocator().allocate(spec, LockFile.empty("test"))).allocations();
        String text = new CloudFormationRenderer().render(spec, Intents.derive(spec, allocations), CloudFormationRenderer.Variant.NEW_VPC, Optional.of("PEM"));
        JsonNode t = YAML.readTree(text);
        assertThat(t.path("Resources").has("HybridNodesRole")).isFalse();
        assertThat(t.at("/Resources/RemoteNodesAccessEntry/Properties/PrincipalArn").asText()).isEqualTo(arn);
        assertThat(t.at("/Resources/AnywhereProfile/Properties/RoleArns/0").asText()).isEqualTo(arn);
        assertThat(t.at("/Outputs/RemoteNodesRoleARN/Value").asText()).isEqualTo(arn);
    }

    /** EC2 refuses a route to a gateway that is not attached yet; the TGW attachment takes one subnet per zone. */
    @Test
    void existingVpcRoutesWaitForTheConditionalAttachmentWhichHasItsOwnSubnets() throws Exception {
        JsonNode t = template("lab-cilium-bgp", "cloudformation/existing-vpc.yaml");
        int routes = 0;
        for (var it = t.path("Resources").fields(); it.hasNext(); ) {
            var r = it.next();
            if (r.getValue().path("Type").asText().equals("AWS::EC2::Route")) {
                routes++;
                assertThat(r.getValue().path("DependsOn").toString()).as(r.getKey()).contains("HybridGatewayAttachmentReady");
            }
        }
        assertThat(routes).isPositive();
        JsonNode ready = t.at("/Resources/HybridGatewayAttachmentReady");
        assertThat(ready.path("Type").asText()).isEqualTo("AWS::CloudFormation::WaitConditionHandle");
        assertThat(ready.at("/Metadata/Attachment/Fn::If/0").asText()).isEqualTo("CreateAttachment");
        assertThat(ready.at("/Metadata/Attachment/Fn::If/1/Ref").asText()).isEqualTo("HybridGatewayAttachment");
        assertThat(t.at("/Resources/HybridGatewayAttachment/Properties/SubnetIds/Ref").asText()).isEqualTo("AttachmentSubnetIds");
        assertThat(t.at("/Parameters/AttachmentSubnetIds/Type").asText()).isEqualTo("List<AWS::EC2::Subnet::Id>");
    }

    /** cfn-lint W3010: subnets select their zone from a parameter whose default is the spec's list. */
    @Test
    void newVpcSubnetsTakeTheirZoneFromAParameter() throws Exception {
        JsonNode t = template("two-site-ira", "cloudformation/new-vpc.yaml");
        assertThat(t.at("/Parameters/AvailabilityZones/Default").asText()).isEqualTo("eu-west-1a,eu-west-1b,eu-west-1c");
        assertThat(t.at("/Resources/SubnetPrivateEUWEST1B/Properties/AvailabilityZone/Fn::Select/0").asInt()).isEqualTo(1);
        assertThat(t.toString()).doesNotContain("\"AvailabilityZone\":\"eu-west-1");
    }
}
