package io.hybridctl.cli.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.pki.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where `hybridctl fleet login` leaves the server URL, its CA and the API token, in the spirit of a kubeconfig:
 * $HYBRIDCTL_FLEET_CONFIG, else $XDG_CONFIG_HOME/hybridctl (default ~/.config/hybridctl): fleet.json, fleet-ca.pem and
 * fleet-token (0600, in a 0700 directory).
 */
record ClientConfig(String server, Path caFile, Path tokenFile) {

    static Path directory(Map<String, String> env) {
        String explicit = env.get("HYBRIDCTL_FLEET_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("hybridctl");
    }

    static Optional<ClientConfig> read(Map<String, String> env) throws IOException {
        Path file = directory(env).resolve("fleet.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        var node = new ObjectMapper().readTree(file.toFile());
        return Optional.of(new ClientConfig(node.path("server").asText(null), path(node.path("caFile").asText(null)),
                path(node.path("tokenFile").asText(null))));
    }

    /** Writes the CA and the token next to the config; returns the config file. */
    static Path write(Map<String, String> env, String server, String caPem, String token) throws IOException {
        Path dir = directory(env);
        AtomicFiles.createPrivateDirectories(dir);
        Path ca = dir.resolve("fleet-ca.pem");
        Path tokenFile = dir.resolve("fleet-token");
        AtomicFiles.writePublic(ca, caPem);
        AtomicFiles.writeSecret(tokenFile, token + "\n");
        Path file = dir.resolve("fleet.json");
        AtomicFiles.writeSecret(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("server", server, "caFile", ca.toString(), "tokenFile", tokenFile.toString())) + "\n");
        return file;
    }

    private static Path path(String p) {
        return p == null ? null : Path.of(p);
    }
}
