package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.agent.CaDiscovery;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.PemCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Saves the server URL, its CA (fetched and pinned by fingerprint, or copied from a file) and the API token, so later
 * `hybridctl fleet` commands need no options. The token is checked against the server first.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Remember a fleet server for later commands, like a kubeconfig: its URL, its CA and your API token.",
                "Writes $XDG_CONFIG_HOME/hybridctl/fleet.json (or $HYBRIDCTL_FLEET_CONFIG/fleet.json), the token 0600."})
final class FleetLogin implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Fleet server URL, e.g. https://fleet.example:8443.")
    String server;

    @Option(names = "--ca-fingerprint", paramLabel = "SHA256", description = "SHA-256 of the server's CA (the server prints it at start).")
    String fingerprint;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "The server's CA certificate, instead of --ca-fingerprint.")
    Path caFile;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API token (else $HYBRIDCTL_FLEET_TOKEN).")
    Path tokenFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        if ((fingerprint == null) == (caFile == null)) {
            throw new UserError(2, "give exactly one of --ca-fingerprint and --ca-file");
        }
        String token;
        try {
            token = tokenFile != null ? Files.readString(tokenFile).trim() : env.get("HYBRIDCTL_FLEET_TOKEN");
        } catch (IOException e) {
            throw new UserError(2, "cannot read --token-file " + tokenFile + " (" + e.getClass().getSimpleName() + ")");
        }
        if (token == null || token.isBlank()) {
            throw new UserError(2, "no API token: pass --token-file FILE or set HYBRIDCTL_FLEET_TOKEN");
        }
        X509Certificate ca;
        String caPem;
        try {
            if (caFile != null) {
                caPem = Files.readString(caFile);
                ca = PemCodec.readX509(caPem, caFile.toString());
            } else {
                ca = CaDiscovery.fetchPinned(server, fingerprint, ApiJson.mapper());
                caPem = PemCodec.certificate(new org.bouncycastle.cert.X509CertificateHolder(ca.getEncoded()));
            }
        } catch (PkiException e) {
            throw new UserError(2, e.getMessage());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new UserError(1, "cannot get the CA of " + server + ": " + FleetCommand.ApiCall.describe(e));
        }
        try (FleetApiClient client = new FleetApiClient(server, token, ca)) {
            client.get("/api/v1/pools");
        } catch (FleetApiClient.ApiError e) {
            throw new UserError(1, "the fleet server refused the token (" + e.status() + "): " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(1, "cannot reach the fleet server at " + server + ": " + FleetCommand.ApiCall.describe(e));
        }
        try {
            Path file = ClientConfig.write(env, server, caPem, token);
            spec.commandLine().getOut().println("logged in to " + server + "; settings in " + file);
        } catch (IOException e) {
            throw new UserError(1, "cannot write the client config in " + ClientConfig.directory(env) + " (" + e.getClass().getSimpleName() + ")");
        }
        return 0;
    }
}
