package io.hybridctl.verify.observed;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.net.Ipv4Address;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** FRR `show bgp summary json` (ipv4Unicast): the router's AS and each peer's AS and state. */
final class FrrBgpSummary {

    record Peer(long remoteAs, String state) {
    }

    record Summary(long localAs, Map<Ipv4Address, Peer> peers) {
    }

    private FrrBgpSummary() {
    }

    static Summary parse(Path file) throws ObservedStateException {
        JsonNode root = Json.read(file);
        JsonNode v4 = root.has("ipv4Unicast") ? root.get("ipv4Unicast") : root;
        long as = Json.require(v4, "as", file).asLong();
        Map<Ipv4Address, Peer> peers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v4.path("peers").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            peers.put(Json.address(e.getKey(), file), new Peer(e.getValue().path("remoteAs").asLong(), e.getValue().path("state").asText("unknown")));
        }
        return new Summary(as, peers);
    }
}
