package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.Prefix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `aws ec2 search-transit-gateway-routes` output: active routes and the attachment each points at. */
final class TransitGatewayRoutes {

    record Route(Prefix destination, String resourceType, String resourceId, boolean blackhole) {
    }

    private TransitGatewayRoutes() {
    }

    static List<Route> parse(Path file) throws ObservedStateException {
        JsonNode root = Json.read(file);
        List<Route> out = new ArrayList<>();
        for (JsonNode r : Json.require(root, "Routes", file)) {
            if (!r.has("DestinationCidrBlock")) {
                continue;
            }
            Prefix p = Json.prefix(r.get("DestinationCidrBlock").asText(), file);
            boolean blackhole = "blackhole".equals(r.path("State").asText());
            JsonNode attachments = r.path("TransitGatewayAttachments");
            if (attachments.isEmpty()) {
                out.add(new Route(p, "none", "none", true));
            }
            for (JsonNode a : attachments) {
                out.add(new Route(p, a.path("ResourceType").asText("unknown"), a.path("ResourceId").asText("unknown"), blackhole));
            }
        }
        return out;
    }
}
