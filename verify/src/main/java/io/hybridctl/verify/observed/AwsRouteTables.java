package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.Prefix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** `aws ec2 describe-route-tables` output: each table's id, CloudFormation logical id tag, and IPv4 routes. */
final class AwsRouteTables {

    record Route(Prefix destination, String target, boolean blackhole) {
    }

    record Table(String id, Optional<String> logicalId, List<Route> routes) {
        boolean named(String name) {
            return id.equals(name) || logicalId.map(name::equals).orElse(false);
        }
    }

    private AwsRouteTables() {
    }

    static List<Table> parse(Path file) throws ObservedStateException {
        JsonNode root = Json.read(file);
        List<Table> out = new ArrayList<>();
        for (JsonNode t : Json.require(root, "RouteTables", file)) {
            String id = Json.require(t, "RouteTableId", file).asText();
            Optional<String> logical = Optional.empty();
            for (JsonNode tag : t.path("Tags")) {
                if ("aws:cloudformation:logical-id".equals(tag.path("Key").asText())) {
                    logical = Optional.of(tag.path("Value").asText());
                }
            }
            List<Route> routes = new ArrayList<>();
            for (JsonNode r : t.path("Routes")) {
                if (!r.has("DestinationCidrBlock")) {
                    continue; // IPv6 or prefix-list routes: hybrid nodes are IPv4 only
                }
                String target = first(r, "GatewayId", "TransitGatewayId", "NatGatewayId", "NetworkInterfaceId", "VpcPeeringConnectionId",
                        "InstanceId", "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn");
                routes.add(new Route(Json.prefix(r.get("DestinationCidrBlock").asText(), file), target,
                        "blackhole".equals(r.path("State").asText())));
            }
            out.add(new Table(id, logical, routes));
        }
        return out;
    }

    private static String first(JsonNode r, String... fields) {
        for (String f : fields) {
            if (r.hasNonNull(f)) {
                return r.get(f).asText();
            }
        }
        return "unknown";
    }
}
