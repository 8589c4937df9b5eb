package io.hybridctl.aws.cluster;

import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.aws.stack.StackDeployer;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.RemoteNetworkConfigRequest;
import software.amazon.awssdk.services.eks.model.RemoteNetworkConfigResponse;
import software.amazon.awssdk.services.eks.model.RemoteNodeNetwork;
import software.amazon.awssdk.services.eks.model.RemotePodNetwork;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Remote networks of a cluster that exists outside the stack: DescribeCluster, then UpdateClusterConfig with the
 * spec's lists (a list that is sent replaces the old one), awaited with DescribeUpdate and confirmed by DescribeCluster.
 */
public final class ClusterNetworkUpdater {

    private final EksClient eks;
    private final StackDeployer.Pacer pacer;

    public ClusterNetworkUpdater(EksClient eks, StackDeployer.Pacer pacer) {
        this.eks = eks;
        this.pacer = pacer;
    }

    public Optional<ExistingCluster> describe(String name) throws AwsProblem {
        Cluster c;
        try {
            c = eks.describeCluster(r -> r.name(name)).cluster();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsCall.problem(AwsAction.EKS_DESCRIBE_CLUSTER, e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            return AwsCall.run(AwsAction.EKS_DESCRIBE_CLUSTER, () -> {
                throw e;
            });
        }
        if (c == null) {
            return Optional.empty();
        }
        List<String> sgs = new ArrayList<>();
        String vpc = "";
        if (c.resourcesVpcConfig() != null) {
            sgs.addAll(c.resourcesVpcConfig().securityGroupIds());
            if (c.resourcesVpcConfig().clusterSecurityGroupId() != null) {
                sgs.add(c.resourcesVpcConfig().clusterSecurityGroupId());
            }
            vpc = String.valueOf(c.resourcesVpcConfig().vpcId());
        }
        return Optional.of(new ExistingCluster(c.name(), String.valueOf(c.arn()), String.valueOf(c.statusAsString()), networks(c.remoteNetworkConfig()), vpc, sgs, c.tags()));
    }

    static RemoteNetworks networks(RemoteNetworkConfigResponse r) {
        if (r == null) {
            return new RemoteNetworks(List.of(), List.of());
        }
        List<String> nodes = r.remoteNodeNetworks().stream().flatMap(n -> n.cidrs().stream()).toList();
        List<String> pods = r.remotePodNetworks().stream().flatMap(n -> n.cidrs().stream()).toList();
        return new RemoteNetworks(nodes, pods);
    }

    /** SSM-registered hybrid nodes whose address lies in one of {@code cidrs}: what removing those networks would cut off. */
    public static List<RegisteredNode> nodesIn(SsmClient ssm, List<String> cidrs) throws AwsProblem {
        List<RegisteredNode> out = new ArrayList<>();
        List<Prefix> prefixes = new ArrayList<>();
        for (String c : cidrs) {
            try {
                prefixes.add(Prefix.parse(c));
            } catch (Exception e) {
                // a CIDR EKS accepted but we cannot parse cannot hold an IPv4 node
            }
        }
        String token = null;
        do {
            String t = token;
            var page = AwsCall.run(AwsAction.SSM_DESCRIBE_INSTANCE_INFORMATION, () -> ssm.describeInstanceInformation(r -> r
                    .filters(f -> f.key("ResourceType").values("ManagedInstance")).nextToken(t)));
            for (InstanceInformation i : page.instanceInformationList()) {
                try {
                    Ipv4Address a = Ipv4Address.parse(String.valueOf(i.ipAddress()));
                    if (prefixes.stream().anyMatch(p -> p.contains(a))) {
                        out.add(new RegisteredNode(i.instanceId(), String.valueOf(i.computerName()), a.toString()));
                    }
                } catch (Exception e) {
                    // no IPv4 address reported: not a node in these networks
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    /** Sends the change and waits until the cluster reports the new networks. */
    public void update(String name, RemoteNetworks.Change change, Consumer<String> progress) throws AwsProblem, InterruptedException {
        RemoteNetworks want = change.after();
        // Both lists, always: each one sent replaces the old list, so the cluster ends up exactly as the spec says (and
        // implementations that replace the whole config, as moto does, agree).
        RemoteNetworkConfigRequest.Builder req = RemoteNetworkConfigRequest.builder()
                .remoteNodeNetworks(want.nodeCidrs().isEmpty() ? List.of() : List.of(RemoteNodeNetwork.builder().cidrs(want.nodeCidrs()).build()))
                .remotePodNetworks(want.podCidrs().isEmpty() ? List.of() : List.of(RemotePodNetwork.builder().cidrs(want.podCidrs()).build()));
        Update update;
        try {
            update = eks.updateClusterConfig(r -> r.name(name).remoteNetworkConfig(req.build())).update();
        } catch (AwsServiceException e) {
            if (String.valueOf(e.getMessage()).contains("No changes detected")) {
                return;
            }
            throw AwsCall.problem(AwsAction.EKS_UPDATE_CLUSTER_CONFIG, e);
        }
        Duration wait = Duration.ofSeconds(5);
        if (update != null && update.id() != null) {
            progress.accept("EKS update " + update.id() + " (" + update.typeAsString() + "): " + update.statusAsString());
            String last = update.statusAsString();
            for (int i = 0; i < 720; i++) {
                if (last.equals("Successful")) {
                    break;
                }
                if (last.equals("Failed") || last.equals("Cancelled")) {
                    String why = update.errors().stream().map(e -> e.errorCodeAsString() + ": " + e.errorMessage()).findFirst().orElse("no reason given");
                    throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.EKS_UPDATE_CLUSTER_CONFIG, "EKS update " + update.id() + " of cluster " + name + " is " + last + ": " + why);
                }
                pacer.pause(wait);
                String id = update.id();
                update = AwsCall.run(AwsAction.EKS_DESCRIBE_UPDATE, () -> eks.describeUpdate(r -> r.name(name).updateId(id))).update();
                if (!update.statusAsString().equals(last)) {
                    progress.accept("EKS update " + update.id() + ": " + update.statusAsString());
                }
                last = update.statusAsString();
            }
        }
        // The update's status says the control plane took it; DescribeCluster is what nodeadm and verify read.
        for (int i = 0; i < 360; i++) {
            Optional<ExistingCluster> now = describe(name);
            if (now.isPresent() && now.get().networks().equals(want)) {
                progress.accept("cluster " + name + " remote networks: nodes " + want.nodeCidrs() + ", pods " + want.podCidrs());
                return;
            }
            pacer.pause(wait);
        }
        throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.EKS_DESCRIBE_CLUSTER, "cluster " + name + " still does not report the new remote networks after 30 minutes; "
                + "check `aws eks describe-cluster --name " + name + " --query cluster.remoteNetworkConfig`");
    }
}
