package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.Fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * @param db          null for embedded H2 in dataDir, else a postgresql:// or jdbc: URL
 * @param hostnames   extra names and addresses for the serving certificate (localhost and loopback are always in)
 * @param kubeconfig  optional kubeconfig for the Kubernetes view
 */
public record ServerOptions(Path dataDir, String db, String bindAddress, int port, List<String> hostnames,
                            Fleet.Timing timing, Path kubeconfig, int dbPoolSize) {
    public ServerOptions {
        hostnames = List.copyOf(hostnames);
    }

    public static ServerOptions loopback(Path dataDir, String db) {
        return new ServerOptions(dataDir, db, "127.0.0.1", 0, List.of(), Fleet.Timing.defaults(), null, 16);
    }

    public ServerOptions withTiming(Fleet.Timing t) {
        return new ServerOptions(dataDir, db, bindAddress, port, hostnames, t, kubeconfig, dbPoolSize);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(dataDir, db, bindAddress, p, hostnames, timing, kubeconfig, dbPoolSize);
    }

    public ServerOptions withKubeconfig(Path k) {
        return new ServerOptions(dataDir, db, bindAddress, port, hostnames, timing, k, dbPoolSize);
    }
}
