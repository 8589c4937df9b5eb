package io.hybridctl.aws.cluster;

import java.util.List;

/** What DescribeCluster says about a cluster apply must not recreate. */
public record ExistingCluster(String name, String arn, String status, RemoteNetworks networks, String vpcId, List<String> securityGroupIds,
                              java.util.Map<String, String> tags) {

    public ExistingCluster {
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = java.util.Map.copyOf(tags);
    }
}
