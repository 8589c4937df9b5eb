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
                "The first start creates the data directory and writes the first admin token to a 0600 file there (its path is printed)."})
public final class ServerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The agent CA, the first admin token and (without --db) the embedded H2 database; keep it out of any checkout."
                    + " Default: $XDG_STATE_HOME/hybridctl/fleet (~/.local/state/hybridctl/fleet).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "postgresql://user:password@host:5432/db (default: embedded H2 in the data directory).")
    String db;

    @Option(names = "--listen", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--port", defaultValue = "8443", paramLabel = "PORT", description = "HTTPS port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Extra DNS name or IP for the server certificate (repeatable).")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Watch the cluster's hybrid Nodes through this kubeconfig.")
    Path kubeconfig;

    @Option(names = "--heartbeat-seconds", defaultValue = "10", paramLabel = "N", description = "Agent heartbeat interval. Default: ${DEFAULT-VALUE}.")
    int heartbeat;

    @Option(names = "--lease-seconds", defaultValue = "120", paramLabel = "N",
            description = "A running operation whose agent is silent this long is failed. Default: ${DEFAULT-VALUE}.")
    int lease;

    @Option(names = "--pki-dir", paramLabel = "DIR",
            description = "Sign IAM Roles Anywhere node certificates with this `hybridctl pki` CA instead of the one each imported spec names"
                    + " (caBundle.pki). It must be in the spec's trust anchor, or nothing is signed.")
    Path pkiDir;

    @Option(names = "--pki-passphrase-file", paramLabel = "FILE",
            description = "File holding the pki CA key's passphrase (else $HYBRIDCTL_PKI_PASSPHRASE; never on the command line).")
    Path pkiPassphraseFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Server state belongs outside any checkout: $XDG_STATE_HOME/hybridctl/fleet, else ~/.local/state/hybridctl/fleet. */
    static Path defaultDataDir(java.util.Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("hybridctl").resolve("fleet");
    }

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : defaultDataDir(System.getenv());
        if (port < 0 || port > 65535 || heartbeat < 1 || lease < 3 * heartbeat) {
            throw new UserError(2, "--port must be 0..65535, --heartbeat-seconds >= 1, --lease-seconds >= 3 heartbeats");
        }
        PrintWriter out = spec.commandLine().getOut();
        FleetServer server;
        try {
            server = FleetServer.start(new ServerOptions(data, db, listen, port, hostnames,
                    new Fleet.Timing(Duration.ofSeconds(heartbeat), Duration.ofSeconds(lease)), kubeconfig, 16,
                    pkiDir == null && pkiPassphraseFile == null ? null : new ServerOptions.PkiSource(pkiDir, pkiPassphraseFile)));
        } catch (IllegalArgumentException e) {
            throw new UserError(2, e.getMessage());
        } catch (RuntimeException e) {
            throw new UserError(1, "cannot start the fleet server: " + e.getMessage());
        }
        // The token itself never goes to stdout: under systemd that is the journal.
        server.initialAdminTokenFile().ifPresent(f -> out.println("initial admin token written to " + f
                + " (0600); log in with: hybridctl fleet login --server https://" + listen + ":" + server.port()
                + " --ca-fingerprint " + server.caFingerprint() + " --token-file " + f));
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
