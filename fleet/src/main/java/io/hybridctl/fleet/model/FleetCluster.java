package io.hybridctl.fleet.model;

/** A cluster as the fleet knows it; imported from a HybridCluster spec. */
public record FleetCluster(String id, String name, String region, String kubernetesVersion, String credentialProvider,
                           long createdAt) {
}
