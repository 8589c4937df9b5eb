package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.PemCodec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * Where the fleet API is and how to trust and authenticate to it: options first, then the environment, then the
 * client config `hybridctl fleet login --server URL --ca-fingerprint SHA256` writes.
 */
final class ApiOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "Fleet server URL. Default: $HYBRIDCTL_FLEET_SERVER, else the one `hybridctl fleet login --server URL --ca-fingerprint SHA256` saved.")
    String server;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "The server's CA certificate. Default: $HYBRIDCTL_FLEET_CA, else the one `hybridctl fleet login --server URL --ca-fingerprint SHA256` saved.")
    Path caFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token. Default: $HYBRIDCTL_FLEET_TOKEN, else the one `hybridctl fleet login --server URL --ca-fingerprint SHA256` saved.")
    Path tokenFile;

    Map<String, String> env = System.getenv();

    /** The server URL in effect, for messages. */
    String serverUrl() {
        return resolved().server();
    }

    private ClientConfig resolved() {
        Optional<ClientConfig> saved;
        try {
            saved = ClientConfig.read(env);
        } catch (IOException e) {
            throw new UserError(2, "cannot read the fleet client config in " + ClientConfig.directory(env)
                    + " (" + e.getClass().getSimpleName() + "); run `hybridctl fleet login --server URL --ca-fingerprint SHA256` again");
        }
        String url = server != null ? server : env.getOrDefault("HYBRIDCTL_FLEET_SERVER", saved.map(ClientConfig::server).orElse(null));
        Path ca = caFile != null ? caFile : Optional.ofNullable(env.get("HYBRIDCTL_FLEET_CA")).map(Path::of)
                .orElse(saved.map(ClientConfig::caFile).orElse(null));
        Path token = tokenFile != null ? tokenFile : saved.map(ClientConfig::tokenFile).orElse(null);
        return new ClientConfig(url, ca, token);
    }

    FleetApiClient client() {
        ClientConfig c = resolved();
        if (c.server() == null) {
            throw new UserError(2, "no fleet server: pass --server URL, set HYBRIDCTL_FLEET_SERVER, or run `hybridctl fleet login --server URL --ca-fingerprint SHA256`");
        }
        String token = tokenFile == null ? env.get("HYBRIDCTL_FLEET_TOKEN") : null;
        if (token == null && c.tokenFile() != null) {
            try {
                token = Files.readString(c.tokenFile()).trim();
            } catch (IOException e) {
                throw new UserError(2, "cannot read --token-file " + c.tokenFile() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (token == null || token.isBlank()) {
            throw new UserError(2, "no API token: set HYBRIDCTL_FLEET_TOKEN, pass --token-file, or run `hybridctl fleet login --server URL --ca-fingerprint SHA256`");
        }
        if (c.caFile() == null) {
            throw new UserError(2, "no server CA: pass --ca-file, set HYBRIDCTL_FLEET_CA, or run `hybridctl fleet login --server URL --ca-fingerprint SHA256`");
        }
        X509Certificate ca;
        try {
            ca = PemCodec.readX509(Files.readString(c.caFile()), c.caFile().toString());
        } catch (IOException e) {
            throw new UserError(2, "cannot read the server CA from " + c.caFile() + " (--ca-file): " + e.getClass().getSimpleName());
        } catch (PkiException e) {
            throw new UserError(2, e.getMessage() + " (--ca-file)");
        }
        return new FleetApiClient(c.server(), token, ca);
    }
}
