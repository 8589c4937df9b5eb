package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.Fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Process entry point for the server, used by the end-to-end and durability tests and the load bench; `hybridctl
 * server` builds the same {@link ServerOptions}. Prints the first admin token once, on stdout, never to the log.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ServerOptions o = new ServerOptions(Path.of(a.getOrDefault("data-dir", "fleet-data")), a.get("db"),
                a.getOrDefault("listen", "127.0.0.1"), Integer.parseInt(a.getOrDefault("port", "0")), List.of(),
                new Fleet.Timing(Duration.ofSeconds(Long.parseLong(a.getOrDefault("heartbeat-seconds", "10"))),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("lease-seconds", "120")))),
                a.containsKey("kubeconfig") ? Path.of(a.get("kubeconfig")) : null, Integer.parseInt(a.getOrDefault("db-pool", "16")),
                a.containsKey("pki-dir") || a.containsKey("pki-passphrase-file") ? new ServerOptions.PkiSource(
                        a.containsKey("pki-dir") ? Path.of(a.get("pki-dir")) : null,
                        a.containsKey("pki-passphrase-file") ? Path.of(a.get("pki-passphrase-file")) : null) : null);
        FleetServer server = FleetServer.start(o);
        server.initialAdminTokenFile().ifPresent(f -> System.out.println("initial admin token in " + f));
        System.out.println("fleet server: " + server.url() + " ca-fingerprint " + server.caFingerprint());
        System.out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            done.countDown();
        }));
        done.await();
    }
}
