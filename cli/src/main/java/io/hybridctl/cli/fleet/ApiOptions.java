package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.fleet.security.Pem;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** Where the fleet API is and how to trust and authenticate to it. The token comes from the environment by default. */
final class ApiOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:HYBRIDCTL_FLEET_SERVER:-https://127.0.0.1:8443}",
            description = "Fleet server URL (env HYBRIDCTL_FLEET_SERVER). Default: ${DEFAULT-VALUE}.")
    String server;

    @Option(names = "--ca-file", paramLabel = "FILE", defaultValue = "${env:HYBRIDCTL_FLEET_CA:-fleet-data/agent-ca/ca.pem}",
            description = "The server's CA certificate (env HYBRIDCTL_FLEET_CA). Default: ${DEFAULT-VALUE}.")
    Path caFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token (default: the HYBRIDCTL_FLEET_TOKEN environment variable).")
    Path tokenFile;

    FleetApiClient client() {
        String token;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile).trim();
            } catch (IOException e) {
                throw new UserError(2, "cannot read --token-file " + tokenFile + ": " + e.getMessage());
            }
        } else {
            token = System.getenv("HYBRIDCTL_FLEET_TOKEN");
        }
        if (token == null || token.isBlank()) {
            throw new UserError(2, "no API token: set HYBRIDCTL_FLEET_TOKEN or pass --token-file");
        }
        X509Certificate ca;
        try {
            ca = Pem.certificate(Files.readString(caFile));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(2, "cannot read the server CA from " + caFile + " (--ca-file): " + e.getMessage());
        }
        return new FleetApiClient(server, token, ca);
    }
}
