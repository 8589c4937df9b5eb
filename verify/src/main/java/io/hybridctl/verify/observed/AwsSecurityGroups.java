package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** `aws ec2 describe-security-groups` output, flattened to one permission per CIDR. */
final class AwsSecurityGroups {

    record Permission(String group, boolean inbound, Optional<Protocol> protocol, PortRange ports, Prefix cidr) {
    }

    private AwsSecurityGroups() {
    }

    static List<Permission> parse(Path file) throws ObservedStateException {
        JsonNode root = Json.read(file);
        List<Permission> out = new ArrayList<>();
        for (JsonNode g : Json.require(root, "SecurityGroups", file)) {
            String id = Json.require(g, "GroupId", file).asText();
            add(id, true, g.path("IpPermissions"), file, out);
            add(id, false, g.path("IpPermissionsEgress"), file, out);
        }
        return out;
    }

    private static void add(String group, boolean inbound, JsonNode permissions, Path file, List<Permission> out) throws ObservedStateException {
        for (JsonNode p : permissions) {
            String proto = p.path("IpProtocol").asText("-1");
            Optional<Protocol> protocol = switch (proto) {
                case "-1", "all" -> Optional.empty();
                case "tcp", "6" -> Optional.of(Protocol.TCP);
                case "udp", "17" -> Optional.of(Protocol.UDP);
                case "icmp", "1" -> Optional.of(Protocol.ICMP);
                default -> null;
            };
            if (protocol == null) {
                continue; // other IP protocols carry none of the flows hybrid nodes need
            }
            PortRange ports = protocol.isEmpty() || protocol.get() == Protocol.ICMP || !p.has("FromPort")
                    ? PortRange.ALL : new PortRange(p.get("FromPort").asInt(), p.get("ToPort").asInt());
            for (JsonNode range : p.path("IpRanges")) {
                out.add(new Permission(group, inbound, protocol, ports, Json.prefix(Json.require(range, "CidrIp", file).asText(), file)));
            }
        }
    }
}
