package io.hybridctl.aws.cluster;

/** A hybrid node registered with SSM (a managed instance), by its SSM id, computer name and address. */
public record RegisteredNode(String instanceId, String name, String address) {
}
