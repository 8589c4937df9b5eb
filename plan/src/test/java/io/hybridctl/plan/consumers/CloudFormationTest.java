package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.emulator.MotoServer;
import io.hybridctl.plan.intent.Direction;
import io.hybridctl.plan.intent.GatewayTarget;
import io.hybridctl.plan.intent.Intents;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.SecurityGroupRule;
import io.hybridctl.plan.intent.VpcRoute;
import io.hybridctl.spec.model.Vpc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CloudFormation template of every subject goes to cfn-lint (0 errors, 0 warnings: none is explained away), and
 * is created as a stack on moto_server on loopback. A stack must reach CREATE_COMPLETE; then describe-route-tables
 * must show each VPC route of the plan's intent in its table with its gateway, and describe-security-groups the
 * intent's rules on the stack's ClusterSecurityGroupId.
 */
class CloudFormationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    @Test
    void cfnLintFindsNothingInAnyTemplate() throws Exception {
        String cfnLint = Programs.onPath("cfn-lint", "pip install cfn-lint (.ci/run requires it)");
        ConsumerReport report = new ConsumerReport("cfn-lint");
        Map<Path, String> files = new LinkedHashMap<>();
        try {
            for (Subjects.Subject s : Subjects.all()) {
                for (Artifact a : templates(s)) {
                    String name = s.name() + "/" + a.path();
                    files.put(Programs.readableCopy(a.text(), ".yaml"), name);
                    report.checked(name);
                }
            }
            // One run for all templates: cfn-lint's start-up dominates its time.
            List<String> command = new ArrayList<>(List.of(cfnLint, "--format", "parseable"));
            files.keySet().forEach(f -> command.add(f.toString()));
            Programs.Result r = Programs.run(command, 600);
            for (String line : r.output().lines().filter(l -> !l.isBlank()).toList()) {
                String file = files.entrySet().stream().filter(e -> line.startsWith(e.getKey().toString())).map(Map.Entry::getValue).findFirst().orElse("cfn-lint");
                report.problem(file, line.replaceFirst("^\\S+?\\.yaml:", ""));
            }
            if (r.exitCode() != 0 && r.output().isBlank()) {
                report.problem("cfn-lint", "exit " + r.exitCode() + " without output");
            }
        } finally {
            for (Path f : files.keySet()) {
                Files.deleteIfExists(f);
            }
        }
        report.assertClean();
    }

    /** The checker is shown to see what it must: a route table without the planned route is reported. */
    @Test
    void everyTemplateCreatesOnMotoAndLeavesTheIntendedRoutesAndRules() throws Exception {
        ConsumerReport report = new ConsumerReport("moto_server create-stack");
        try (MotoServer moto = MotoServer.start()) {
            for (Subjects.Subject s : Subjects.all()) {
                for (Artifact a : templates(s)) {
                    moto.reset();
                    String file = s.name() + "/" + a.path();
                    report.checked(file);
                    report.problems(file, deploy(moto, s, a));
                }
            }
            List<String> broken = routeProblems(moto, "us-west-2", "rtb-00000000000000000", List.of(new VpcRoute("x", io.hybridctl.plan.TestSpecs.p("10.9.0.0/16"),
                    new GatewayTarget("tgw-0123456789abcdef0", GatewayTarget.Kind.TRANSIT_GATEWAY), null)));
            assertThat(broken).as("a missing route table or route is reported").isNotEmpty();
        }
        report.assertClean();
    }

    private static List<Artifact> templates(Subjects.Subject s) {
        List<Artifact> out = new ArrayList<>();
        for (String p : List.of(ArtifactPaths.CFN_NEW_VPC, ArtifactPaths.CFN_EXISTING_VPC)) {
            if (s.plan().artifacts().containsKey(p)) {
                out.add(s.plan().artifacts().get(p));
            }
        }
        return out;
    }

    private List<String> deploy(MotoServer moto, Subjects.Subject s, Artifact template) throws Exception {
        List<String> problems = new ArrayList<>();
        NetworkIntent intent = s.plan().intent();
        JsonNode t = YAML.readTree(template.text());
        // moto splits List<...> parameters only when they are passed, not their defaults: pass every value.
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.path("Parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().has("Default")) {
                params.put(p.getKey(), p.getValue().get("Default").asText());
            }
        }
        List<String> tableIds = new ArrayList<>();
        if (template.path().equals(ArtifactPaths.CFN_EXISTING_VPC)) {
            // The VPC the existing-VPC template is deployed into, made in the emulator the way a user would have it.
            String region = s.spec().cluster().region();
            String vpc = json(moto, "ec2", "create-vpc", "--region", region, "--cidr-block", s.spec().vpc().cidrs().get(0).toString()).at("/Vpc/VpcId").asText();
            List<String> subnets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                subnets.add(json(moto, "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", s.spec().vpc().cidrs().get(0).block(24, i).toString(),
                        "--availability-zone", region + (char) ('a' + i), "--region", region).at("/Subnet/SubnetId").asText());
            }
            int tables = Intents.routeTables(s.spec().vpc()).size();
            for (int i = 0; i < tables; i++) {
                tableIds.add(json(moto, "ec2", "create-route-table", "--vpc-id", vpc, "--region", region).at("/RouteTable/RouteTableId").asText());
            }
            params.put("VpcId", vpc);
            params.put("SubnetIds", String.join(",", subnets));
            params.put("RouteTableIds", String.join(",", tableIds));
            if (t.path("Parameters").has("AttachmentSubnetIds")) {
                params.put("AttachmentSubnetIds", String.join(",", subnets));
            }
        }
        // The spec's gateway exists before the stack, as in a real account: make it in the emulator and use its id.
        String region0 = s.spec().cluster().region();
        GatewayTarget specGateway = intent.vpcRoutes().isEmpty() ? null : intent.vpcRoutes().get(0).target();
        String text = template.text();
        String gatewayId = null;
        if (specGateway != null) {
            gatewayId = specGateway.kind() == GatewayTarget.Kind.TRANSIT_GATEWAY
                    ? json(moto, "ec2", "create-transit-gateway", "--region", region0).at("/TransitGateway/TransitGatewayId").asText()
                    : json(moto, "ec2", "create-vpn-gateway", "--region", region0, "--type", "ipsec.1").at("/VpnGateway/VpnGatewayId").asText();
            text = text.replace(specGateway.id(), gatewayId);
        }
        MotoTemplates.Adapted adapted = MotoTemplates.adapt(YAML.readTree(text));
        if (!adapted.removedTypes().isEmpty()) {
            System.out.println("  " + s.name() + "/" + template.path() + ": not modelled by moto, checked by cfn-lint and the registry schemas: " + adapted.removedTypes());
        }
        // moto cannot create egress rules (no AWS::EC2::SecurityGroupEgress model): the template must state each one.
        problems.addAll(egressInTemplate(t, intent.securityGroupRules()));
        Path body = Programs.readableCopy(JSON.writeValueAsString(adapted.template()), ".json");
        String stack = s.spec().name() + "-hybrid";
        try {
            List<String> args = new ArrayList<>(List.of("cloudformation", "create-stack", "--region", s.spec().cluster().region(), "--stack-name", stack,
                    "--template-body", "file://" + body, "--capabilities", "CAPABILITY_IAM"));
            if (!params.isEmpty()) {
                args.add("--parameters");
                params.forEach((k, v) -> args.add("ParameterKey=" + k + ",ParameterValue=" + v.replace(",", "\\,")));
            }
            MotoServer.CliResult created = moto.aws(args.toArray(String[]::new));
            if (created.exitCode() != 0) {
                problems.add("create-stack: " + created.stderr().strip());
                return problems;
            }
        } finally {
            Files.deleteIfExists(body);
        }
        JsonNode described = waitForStack(moto, s.spec().cluster().region(), stack);
        String status = described.at("/Stacks/0/StackStatus").asText();
        if (!status.equals("CREATE_COMPLETE")) {
            MotoServer.CliResult events = moto.aws("cloudformation", "describe-stack-events", "--region", s.spec().cluster().region(), "--stack-name", stack);
            problems.add("stack " + status + ": " + described.at("/Stacks/0/StackStatusReason").asText() + " " + events.stdout().replaceAll("\\s+", " "));
            return problems;
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (JsonNode o : described.at("/Stacks/0/Outputs")) {
            outputs.put(o.path("OutputKey").asText(), o.path("OutputValue").asText());
        }
        if (template.path().equals(ArtifactPaths.CFN_NEW_VPC)) {
            // PrivateRouteTable<AZ> ids, in the intent's order, from the stack's resources.
            JsonNode res = json(moto, "cloudformation", "describe-stack-resources", "--region", s.spec().cluster().region(), "--stack-name", stack);
            for (String logical : Intents.routeTables(s.spec().vpc())) {
                for (JsonNode r : res.path("StackResources")) {
                    if (r.path("LogicalResourceId").asText().equals(logical)) {
                        tableIds.add(r.path("PhysicalResourceId").asText());
                    }
                }
            }
        }
        List<String> logical = Intents.routeTables(s.spec().vpc());
        for (int i = 0; i < logical.size() && i < tableIds.size(); i++) {
            String key = logical.get(i);
            final String gw = gatewayId;
            problems.addAll(routeProblems(moto, s.spec().cluster().region(), tableIds.get(i), intent.vpcRoutes().stream().filter(r -> r.routeTable().equals(key))
                    .map(r -> new VpcRoute(r.routeTable(), r.destination(), new GatewayTarget(gw, r.target().kind()), r.provenance())).toList()));
        }
        if (tableIds.size() != logical.size()) {
            problems.add("found " + tableIds.size() + " route tables, the intent names " + logical.size());
        }
        problems.addAll(securityGroupProblems(moto, s.spec().cluster().region(), outputs.get("ClusterSecurityGroupId"),
                intent.securityGroupRules().stream().filter(r -> r.direction() == Direction.INBOUND).toList()));
        return problems;
    }

    private static List<String> routeProblems(MotoServer moto, String region, String tableId, List<VpcRoute> wanted) throws Exception {
        List<String> problems = new ArrayList<>();
        MotoServer.CliResult r = moto.aws("ec2", "describe-route-tables", "--region", region, "--route-table-ids", tableId);
        if (r.exitCode() != 0) {
            problems.add("describe-route-tables " + tableId + ": " + r.stderr().strip());
            return problems;
        }
        JsonNode routes = JSON.readTree(r.stdout()).at("/RouteTables/0/Routes");
        for (VpcRoute w : wanted) {
            boolean found = false;
            for (JsonNode route : routes) {
                String target = w.target().kind() == GatewayTarget.Kind.TRANSIT_GATEWAY ? route.path("TransitGatewayId").asText() : route.path("GatewayId").asText();
                if (route.path("DestinationCidrBlock").asText().equals(w.destination().toString()) && target.equals(w.target().id())) {
                    found = true;
                }
            }
            if (!found) {
                problems.add("route table " + tableId + " has no route " + w.destination() + " -> " + w.target().id());
            }
        }
        return problems;
    }

    private static List<String> securityGroupProblems(MotoServer moto, String region, String groupId, List<SecurityGroupRule> wanted) throws Exception {
        List<String> problems = new ArrayList<>();
        if (groupId == null) {
            problems.add("the stack has no ClusterSecurityGroupId output");
            return problems;
        }
        JsonNode g = JSON.readTree(moto.aws("ec2", "describe-security-groups", "--region", region, "--group-ids", groupId).stdout()).at("/SecurityGroups/0");
        for (SecurityGroupRule w : wanted) {
            JsonNode perms = g.path(w.direction() == Direction.INBOUND ? "IpPermissions" : "IpPermissionsEgress");
            boolean found = false;
            for (JsonNode p : perms) {
                if (p.path("IpProtocol").asText().equals(w.protocol().id()) && p.path("FromPort").asInt(-1) == w.ports().from()
                        && p.path("ToPort").asInt(-1) == w.ports().to()) {
                    for (JsonNode range : p.path("IpRanges")) {
                        found |= range.path("CidrIp").asText().equals(w.cidr().toString());
                    }
                }
            }
            if (!found) {
                problems.add("security group " + groupId + " lacks " + w.direction() + " " + w.protocol().id() + "/" + w.ports() + " " + w.cidr());
            }
        }
        return problems;
    }

    private static List<String> egressInTemplate(JsonNode template, List<SecurityGroupRule> rules) {
        List<String> problems = new ArrayList<>();
        for (SecurityGroupRule w : rules) {
            if (w.direction() != Direction.OUTBOUND) {
                continue;
            }
            boolean found = false;
            for (JsonNode r : template.path("Resources")) {
                JsonNode p = r.path("Properties");
                found |= r.path("Type").asText().equals("AWS::EC2::SecurityGroupEgress") && p.path("CidrIp").asText().equals(w.cidr().toString())
                        && p.path("FromPort").asInt(-1) == w.ports().from() && p.path("ToPort").asInt(-1) == w.ports().to()
                        && p.path("IpProtocol").asText().equals(w.protocol().id());
            }
            if (!found) {
                problems.add("template lacks egress " + w.protocol().id() + "/" + w.ports() + " " + w.cidr());
            }
        }
        return problems;
    }

    private static JsonNode waitForStack(MotoServer moto, String region, String stack) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode d;
        do {
            d = json(moto, "cloudformation", "describe-stacks", "--region", region, "--stack-name", stack);
            if (!d.at("/Stacks/0/StackStatus").asText().endsWith("_IN_PROGRESS")) {
                return d;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return d;
    }

    private static JsonNode json(MotoServer moto, String... args) throws Exception {
        MotoServer.CliResult r = moto.aws(args);
        assertThat(r.exitCode()).as("aws " + String.join(" ", args) + ": " + r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }
}
