package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.api.ApiJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a simulated agent says about its machine (--sim-facts FILE, JSON), so a demo or a test can match a spec or break
 * it on purpose: {"os": "ubuntu", "osVersion": "24.04", "arch": "arm64", "addresses": ["172.16.20.11"]}. A simulated
 * agent without it reports none of these, because the machine it runs on is not the one it pretends to be.
 */
public record SimulatedFacts(String os, String osVersion, String arch, List<String> addresses) {

    public SimulatedFacts {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public static final SimulatedFacts NONE = new SimulatedFacts("", "", "", List.of());

    /** @throws IOException with the file and the problem (never its content) when it cannot be read or bound */
    public static SimulatedFacts read(Path file) throws IOException {
        try {
            SimulatedFacts f = ApiJson.mapper().readValue(Files.readAllBytes(file), SimulatedFacts.class);
            if (f == null) {
                throw new IOException(file + " holds no JSON object");
            }
            return f;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a facts object like {\"os\": \"ubuntu\", \"osVersion\": \"24.04\", \"arch\": \"amd64\","
                    + " \"addresses\": [\"10.80.0.11\"]}" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }
}
