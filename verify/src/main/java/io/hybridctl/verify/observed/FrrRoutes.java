package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** FRR `show ip route json`: the selected route of each prefix with its first active next hop. */
final class FrrRoutes {

    record Route(Prefix prefix, String protocol, Optional<Ipv4Address> nextHop, Optional<String> iface, boolean blackhole) {
    }

    private FrrRoutes() {
    }

    static List<Route> parse(Path file) throws ObservedStateException {
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new ObservedStateException(file + ": expected the object FRR's 'show ip route json' prints (prefix -> routes)");
        }
        List<Route> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode r : e.getValue()) {
                if (!r.path("selected").asBoolean(false)) {
                    continue;
                }
                Prefix p = Json.prefix(r.path("prefix").asText(e.getKey()), file);
                Optional<Ipv4Address> hop = Optional.empty();
                Optional<String> iface = Optional.empty();
                boolean blackhole = false;
                for (JsonNode n : r.path("nexthops")) {
                    if (n.has("active") && !n.get("active").asBoolean()) {
                        continue;
                    }
                    blackhole = n.path("blackhole").asBoolean(false) || "blackhole".equals(n.path("type").asText());
                    if (n.hasNonNull("ip")) {
                        hop = Optional.of(Json.address(n.get("ip").asText(), file));
                    }
                    if (n.hasNonNull("interfaceName")) {
                        iface = Optional.of(n.get("interfaceName").asText());
                    }
                    break;
                }
                out.add(new Route(p, r.path("protocol").asText("unknown"), hop, iface, blackhole));
            }
        }
        return out;
    }
}
