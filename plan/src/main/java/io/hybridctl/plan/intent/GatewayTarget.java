package io.hybridctl.plan.intent;

/** The next hop of a VPC route towards the on-prem networks. */
public record GatewayTarget(String id, Kind kind) {

    public enum Kind { TRANSIT_GATEWAY, VIRTUAL_PRIVATE_GATEWAY }
}
