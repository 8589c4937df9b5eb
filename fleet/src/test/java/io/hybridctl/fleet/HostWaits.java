package io.hybridctl.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.hybridctl.fleet.client.FleetApiClient;

import java.util.function.Predicate;

/** Waits on what the API says about a host, with a deadline generous enough for a loaded machine. */
public final class HostWaits {

    private static final long DEADLINE_MS = 90_000;

    private HostWaits() {
    }

    public static JsonNode until(FleetApiClient admin, String hostname, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode h : admin.get("/api/v1/hosts")) {
                if (h.path("hostname").asText().equals(hostname)) {
                    last = h;
                    if (condition.test(h)) {
                        return h;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("host " + hostname + " did not reach the expected condition; last seen " + last);
    }

    public static JsonNode state(FleetApiClient admin, String hostname, String state) throws Exception {
        return until(admin, hostname, h -> h.path("state").asText().equals(state));
    }
}
