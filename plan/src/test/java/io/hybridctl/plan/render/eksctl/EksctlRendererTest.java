package io.hybridctl.plan.render.eksctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.plan.TestSpecs;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Vpc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EksctlRendererTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static HybridCluster base() {
        return TestSpecs.spec(26, List.of(new TestSpecs.SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a"))));
    }

    @Test
    void aNewVpcCarriesTheGatewayAndTheRemoteNetworks() throws Exception {
        JsonNode doc = YAML.readTree(new EksctlRenderer().render(base(), Optional.empty()));
        assertThat(doc.at("/remoteNetworkConfig/vpcGatewayID").asText()).isEqualTo("tgw-0123456789abcdef0");
        assertThat(doc.at("/remoteNetworkConfig/iam/provider").asText()).isEqualTo("ssm");
        assertThat(doc.at("/remoteNetworkConfig/iam").has("caBundleCert")).as("eksctl rejects a CA with SSM").isFalse();
        assertThat(doc.at("/remoteNetworkConfig/remoteNodeNetworks/0/cidrs/0").asText()).isEqualTo("192.168.200.0/24");
        assertThat(doc.at("/vpc/cidr").asText()).isEqualTo("10.250.0.0/16");
    }

    @Test
    void anExistingVpcOmitsTheGatewayEksctlWouldRejectAndListsItsSubnets() throws Exception {
        HybridCluster b = base();
        HybridCluster spec = new HybridCluster(b.name(), b.cluster(), new Vpc.ExistingVpc("vpc-0123", List.of(TestSpecs.p("10.250.0.0/16")),
                List.of("subnet-a", "subnet-b"), List.of("rtb-a"), Optional.of(new Vpc.Gateway("tgw-0123456789abcdef0")), true, true),
                b.credentials(), b.cni(), b.sites());
        JsonNode doc = YAML.readTree(new EksctlRenderer().render(spec, Optional.empty()));
        assertThat(doc.at("/remoteNetworkConfig").has("vpcGatewayID")).isFalse();
        assertThat(doc.at("/vpc/id").asText()).isEqualTo("vpc-0123");
        assertThat(doc.at("/vpc/subnets/private/subnet-b/id").asText()).isEqualTo("subnet-b");
        assertThat(doc.has("availabilityZones")).isFalse();
    }

    @Test
    void anExistingVpcPlanRendersOnlyTheExistingVpcTemplateWithItsIdsAsDefaults() throws Exception {
        HybridCluster b = base();
        HybridCluster spec = new HybridCluster(b.name(), b.cluster(), new Vpc.ExistingVpc("vpc-0123", List.of(TestSpecs.p("10.250.0.0/16")),
                List.of("subnet-a", "subnet-b", "subnet-c"), List.of("rtb-a", "rtb-b", "rtb-c"), Optional.of(new Vpc.Gateway("vgw-0123456789abcdef0")), true, true),
                b.credentials(), b.cni(), b.sites());
        var plan = ((io.hybridctl.plan.PlanOutcome.Rendered) new io.hybridctl.plan.Planner().plan(io.hybridctl.plan.PlanInputs.of(spec))).plan();
        assertThat(plan.artifacts()).doesNotContainKey("cloudformation/new-vpc.yaml");
        JsonNode t = YAML.readTree(plan.get("cloudformation/existing-vpc.yaml").text());
        assertThat(t.at("/Parameters/RouteTableIds/Default").asText()).isEqualTo("rtb-a,rtb-b,rtb-c");
        assertThat(t.at("/Resources/HybridRoute2To192x168x200x0n24/Properties/GatewayId").asText()).isEqualTo("vgw-0123456789abcdef0");
        assertThat(t.at("/Resources/HybridGatewayAttachment/Condition").asText()).isEqualTo("CreateAttachment");
    }
}
