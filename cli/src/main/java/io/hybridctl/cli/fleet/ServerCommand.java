package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.server.FleetServer;
import io.hybridctl.fleet.server.ServerOptions;
import io.hybridctl.fleet.service.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the fleet server: REST API under /api/v1, the web UI at /, Prometheus metrics at /metrics, all over HTTPS.",
                "The first start creates the data directory and prints an admin token once."})
public final class ServerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "fleet-data", paramLabel = "DIR",
            description = "CA keys and (without --db) the embedded H2 database. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "postgresql://user:password@host:5432/db (default: embedded H2 in the data directory).")
    String db;

    @Option(names = "--listen", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Extra DNS name or IP for the server certificate (repeatable).")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Watch the cluster's hybrid Nodes through this kubeconfig.")
    Path kubeconfig;

    @Option(names = "--heartbeat-seconds", defaultValue = "10", description = "Agent heartbeat interval. Default: ${DEFAULT-VALUE}.")
    int heartbeat;

    @Option(names = "--lease-seconds", defaultValue = "120",
            description = "A running operation whose agent is silent this long is failed. Default: ${DEFAULT-VALUE}.")
    int lease;

    @Option(names = "--pki-dir", paramLabel = "DIR",
            description = "Issue IAM Roles Anywhere node certificates from this `hybridctl pki` CA (its ca.pem is the trust anchor) "
                    + "instead of the server's own node CA. The key's passphrase comes from --pki-passphrase-file or HYBRIDCTL_PKI_PASSPHRASE.")
    Path pkiDir;

    @Option(names = "--pki-passphrase-file", paramLabel = "FILE", description = "File holding the pki CA key's passphrase.")
    Path pkiPassphraseFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pkiPassphraseFile != null && pkiDir == null) {
            throw new UserError(2, "--pki-passphrase-file goes with --pki-dir");
        }
        if (port < 0 || port > 65535 || heartbeat < 1 || lease < 3 * heartbeat) {
            throw new UserError(2, "--port must be 0..65535, --heartbeat-seconds >= 1, --lease-seconds >= 3 heartbeats");
        }
        PrintWriter out = spec.commandLine().getOut();
        FleetServer server;
        try {
            server = FleetServer.start(new ServerOptions(dataDir, db, listen, port, hostnames,
                    new Fleet.Timing(Duration.ofSeconds(heartbeat), Duration.ofSeconds(lease)), kubeconfig, 16,
                    pkiDir == null ? null : new ServerOptions.PkiSource(pkiDir, pkiPassphraseFile)));
        } catch (IllegalArgumentException e) {
            throw new UserError(2, e.getMessage());
        } catch (RuntimeException e) {
            throw new UserError(1, "cannot start the fleet server: " + e.getMessage());
        }
        server.initialAdminToken().ifPresent(t -> {
            out.println("Initial admin token (shown only now; store it safely):");
            out.println("  " + t);
        });
        out.println("fleet server on https://" + listen + ":" + server.port() + "  (CA fingerprint " + server.caFingerprint() + ")");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
