package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.net.Prefix;

/**
 * One route in one VPC route table. routeTable is the route table id for an existing VPC (rtb-...) or, for a VPC
 * the template creates, the CloudFormation logical id of the private route table (PrivateRouteTableUSWEST2A).
 */
public record VpcRoute(String routeTable, Prefix destination, GatewayTarget target, Provenance provenance) {
}
