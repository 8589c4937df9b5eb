package io.hybridctl.aws.observe;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.RemoteNetworkConfigResponse;
import software.amazon.awssdk.services.eks.model.RemoteNodeNetwork;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CliJsonTest {

    @Test
    void ec2ObjectsComeOutUnderTheCliMemberNames() {
        RouteTable t = RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1")
                .routes(Route.builder().destinationCidrBlock("10.80.0.0/24").gatewayId("vgw-1").state(RouteState.BLACKHOLE).build())
                .tags(Tag.builder().key("Name").value("private").build()).build();
        assertThat(CliJson.of(t).toString()).isEqualTo("{\"RouteTableId\":\"rtb-1\",\"Routes\":[{\"DestinationCidrBlock\":\"10.80.0.0/24\",\"GatewayId\":\"vgw-1\","
                + "\"State\":\"blackhole\"}],\"Tags\":[{\"Key\":\"Name\",\"Value\":\"private\"}],\"VpcId\":\"vpc-1\"}");
    }

    @Test
    void eksObjectsKeepTheirCamelCaseAndTimestampsAreIso() {
        Cluster c = Cluster.builder().name("demo").createdAt(Instant.parse("2026-12-04T18:00:00Z"))
                .remoteNetworkConfig(RemoteNetworkConfigResponse.builder().remoteNodeNetworks(RemoteNodeNetwork.builder().cidrs("10.80.0.0/24").build()).build()).build();
        assertThat(CliJson.of(c).toString()).isEqualTo("{\"name\":\"demo\",\"createdAt\":\"2026-12-04T18:00:00Z\","
                + "\"remoteNetworkConfig\":{\"remoteNodeNetworks\":[{\"cidrs\":[\"10.80.0.0/24\"]}]}}");
    }
}
