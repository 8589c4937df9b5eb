package io.hybridctl.aws.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Vpc;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRoute;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the real AWS state of a spec's cluster, read-only, and writes it in verify's observed layout in the AWS CLI's
 * shapes. Each call that is denied is reported by its IAM action and its file is left out (an older copy is removed,
 * so verify never mixes stale state in); the other calls still run.
 */
public final class Observer {

    /** What was written and what could not be read. */
    public record Result(List<String> written, List<AwsProblem> denied, List<String> notes) {
    }

    private final AwsClients aws;
    private final ObjectMapper json = new ObjectMapper();

    public Observer(AwsClients aws) {
        this.aws = aws;
    }

    public Result observe(HybridCluster spec, Path dir) throws AwsProblem, IOException {
        List<String> written = new ArrayList<>();
        List<AwsProblem> denied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String stackName = StackOutputs.stackName(spec);

        Map<String, String> outputs = new HashMap<>();
        Map<String, String> logicalIds = new HashMap<>();
        guarded(denied, () -> {
            try {
                aws.cloudFormation().describeStacks(r -> r.stackName(stackName)).stacks()
                        .forEach(s -> s.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue())));
            } catch (AwsServiceException e) {
                if (!String.valueOf(e.getMessage()).contains("does not exist")) {
                    throw AwsCall.problem(AwsAction.CFN_DESCRIBE_STACKS, e);
                }
                notes.add("stack " + stackName + " does not exist; ids come from the spec and the cluster");
            }
            return null;
        });
        if (!outputs.isEmpty() || notes.isEmpty()) {
            guarded(denied, () -> {
                try {
                    for (StackResource r : aws.cloudFormation().describeStackResources(x -> x.stackName(stackName)).stackResources()) {
                        // Only route tables: moto, for one, gives their associations the table's id as physical id too.
                        if (r.physicalResourceId() != null && "AWS::EC2::RouteTable".equals(r.resourceType())) {
                            logicalIds.put(r.physicalResourceId(), r.logicalResourceId());
                        }
                    }
                } catch (AwsServiceException e) {
                    if (!String.valueOf(e.getMessage()).contains("does not exist")) {
                        throw AwsCall.problem(AwsAction.CFN_DESCRIBE_STACK_RESOURCES, e);
                    }
                }
                return null;
            });
        }

        Optional<Cluster> cluster = guarded(denied, () -> {
            try {
                return Optional.of(aws.eks().describeCluster(r -> r.name(spec.name())).cluster());
            } catch (AwsServiceException e) {
                if (!(e instanceof ResourceNotFoundException) && e.statusCode() != 404) {
                    throw AwsCall.problem(AwsAction.EKS_DESCRIBE_CLUSTER, e);
                }
                notes.add("EKS cluster " + spec.name() + " does not exist");
                return Optional.<Cluster>empty();
            }
        }).flatMap(c -> c);
        if (cluster.isPresent()) {
            ObjectNode root = json.createObjectNode();
            root.set("cluster", CliJson.of(cluster.get()));
            write(dir, ObservedLayout.EKS_CLUSTER, root, written);
        } else {
            remove(dir, ObservedLayout.EKS_CLUSTER, notes);
        }

        Optional<String> vpcId = Optional.ofNullable(outputs.get(StackOutputs.VPC_ID))
                .or(() -> spec.vpc() instanceof Vpc.ExistingVpc e ? Optional.of(e.id()) : Optional.empty())
                .or(() -> cluster.map(c -> c.resourcesVpcConfig() == null ? null : c.resourcesVpcConfig().vpcId()));
        if (vpcId.isEmpty()) {
            notes.add("no VPC id (no stack output VpcId, no vpc.id in the spec, no cluster): route tables not read");
            remove(dir, ObservedLayout.ROUTE_TABLES, notes);
        } else {
            Optional<List<RouteTable>> tables = guarded(denied, () -> AwsCall.run(AwsAction.EC2_DESCRIBE_ROUTE_TABLES, () -> aws.ec2()
                    .describeRouteTablesPaginator(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId.get()).build())).routeTables().stream().toList()));
            if (tables.isPresent()) {
                ArrayNode list = json.createArrayNode();
                for (RouteTable t : tables.get()) {
                    ObjectNode o = CliJson.of(t);
                    tagLogicalId(o, logicalIds.get(t.routeTableId()));
                    list.add(o);
                }
                ObjectNode root = json.createObjectNode();
                root.set("RouteTables", list);
                write(dir, ObservedLayout.ROUTE_TABLES, root, written);
            } else {
                remove(dir, ObservedLayout.ROUTE_TABLES, notes);
            }
        }

        Set<String> groups = new LinkedHashSet<>();
        Optional.ofNullable(outputs.get(StackOutputs.CLUSTER_SECURITY_GROUP_ID)).ifPresent(groups::add);
        cluster.filter(c -> c.resourcesVpcConfig() != null).ifPresent(c -> {
            groups.addAll(c.resourcesVpcConfig().securityGroupIds());
            Optional.ofNullable(c.resourcesVpcConfig().clusterSecurityGroupId()).ifPresent(groups::add);
        });
        if (groups.isEmpty()) {
            notes.add("no cluster security group ids (stack output ClusterSecurityGroupId or the cluster): security groups not read");
            remove(dir, ObservedLayout.SECURITY_GROUPS, notes);
        } else {
            var sgs = guarded(denied, () -> AwsCall.run(AwsAction.EC2_DESCRIBE_SECURITY_GROUPS, () -> aws.ec2().describeSecurityGroups(r -> r.groupIds(groups))));
            if (sgs.isPresent()) {
                ObjectNode root = json.createObjectNode();
                root.set("SecurityGroups", CliJson.list(sgs.get().securityGroups()));
                write(dir, ObservedLayout.SECURITY_GROUPS, root, written);
            } else {
                remove(dir, ObservedLayout.SECURITY_GROUPS, notes);
            }
        }

        Optional<String> gateway = spec.vpc().gateway().map(g -> g.id());
        if (gateway.isPresent() && gateway.get().startsWith("tgw-")) {
            Optional<List<TransitGatewayRoute>> routes = guarded(denied, () -> transitGatewayRoutes(gateway.get()));
            if (routes.isPresent()) {
                ObjectNode root = json.createObjectNode();
                root.set("Routes", CliJson.list(routes.get()));
                write(dir, ObservedLayout.TRANSIT_GATEWAY_ROUTES, root, written);
            } else {
                remove(dir, ObservedLayout.TRANSIT_GATEWAY_ROUTES, notes);
            }
        } else {
            // A VGW's propagation shows in the route tables themselves (PropagatingVgws, routes with Origin EnableVgwRoutePropagation).
            remove(dir, ObservedLayout.TRANSIT_GATEWAY_ROUTES, notes);
        }
        return new Result(written, denied, notes);
    }

    private List<TransitGatewayRoute> transitGatewayRoutes(String tgw) throws AwsProblem {
        List<TransitGatewayRoute> all = new ArrayList<>();
        var tables = AwsCall.run(AwsAction.EC2_DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES, () -> aws.ec2()
                .describeTransitGatewayRouteTablesPaginator(r -> r.filters(Filter.builder().name("transit-gateway-id").values(tgw).build()))
                .transitGatewayRouteTables().stream().toList());
        for (var t : tables) {
            all.addAll(AwsCall.run(AwsAction.EC2_SEARCH_TRANSIT_GATEWAY_ROUTES, () -> aws.ec2().searchTransitGatewayRoutes(r -> r
                    .transitGatewayRouteTableId(t.transitGatewayRouteTableId())
                    .filters(Filter.builder().name("state").values("active", "blackhole").build())).routes()));
        }
        return all;
    }

    /**
     * CloudFormation tags what it creates with aws:cloudformation:logical-id, which is how verify matches a table to the
     * design. Where the API leaves the tag out, the stack's own resource list says the same.
     */
    private static void tagLogicalId(ObjectNode table, String logicalId) {
        if (logicalId == null) {
            return;
        }
        ArrayNode tags = table.has("Tags") ? (ArrayNode) table.get("Tags") : table.putArray("Tags");
        for (var t : tags) {
            if ("aws:cloudformation:logical-id".equals(t.path("Key").asText())) {
                return;
            }
        }
        tags.addObject().put("Key", "aws:cloudformation:logical-id").put("Value", logicalId);
    }

    private interface Read<T> {
        T get() throws AwsProblem;
    }

    /** A denied read is recorded and the caller carries on; anything else stops observe. */
    private static <T> Optional<T> guarded(List<AwsProblem> denied, Read<T> read) throws AwsProblem {
        try {
            return Optional.ofNullable(read.get());
        } catch (AwsProblem p) {
            if (p.kind() == AwsProblem.Kind.MISSING_PERMISSION) {
                denied.add(p);
                return Optional.empty();
            }
            throw p;
        }
    }

    private void write(Path dir, String name, ObjectNode root, List<String> written) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".observe-", ".tmp");
        try {
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        written.add(name);
    }

    private static void remove(Path dir, String name, List<String> notes) throws IOException {
        if (Files.deleteIfExists(dir.resolve(name))) {
            notes.add("removed the older " + name + ": it could not be read this time");
        }
    }
}
