package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.Fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * @param db          null for embedded H2 in dataDir, else a postgresql:// or jdbc: URL
 * @param hostnames   extra names and addresses for the serving certificate (localhost and loopback are always in)
 * @param kubeconfig  optional kubeconfig for the Kubernetes view
 * @param pki         optional `hybridctl pki` directory whose CA issues IAM Roles Anywhere node certificates (null: the
 *                    server's own node CA in dataDir)
 */
public record ServerOptions(Path dataDir, String db, String bindAddress, int port, List<String> hostnames,
                            Fleet.Timing timing, Path kubeconfig, int dbPoolSize, PkiSource pki) {

    /** Where the pki CA is, and the file holding its key's passphrase (null: HYBRIDCTL_PKI_PASSPHRASE, or unencrypted). */
    public record PkiSource(Path directory, Path passphraseFile) {
    }

    public ServerOptions {
        hostnames = List.copyOf(hostnames);
    }

    public static ServerOptions loopback(Path dataDir, String db) {
        return new ServerOptions(dataDir, db, "127.0.0.1", 0, List.of(), Fleet.Timing.defaults(), null, 16, null);
    }

    public ServerOptions withTiming(Fleet.Timing t) {
        return new ServerOptions(dataDir, db, bindAddress, port, hostnames, t, kubeconfig, dbPoolSize, pki);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(dataDir, db, bindAddress, p, hostnames, timing, kubeconfig, dbPoolSize, pki);
    }

    public ServerOptions withKubeconfig(Path k) {
        return new ServerOptions(dataDir, db, bindAddress, port, hostnames, timing, k, dbPoolSize, pki);
    }

    public ServerOptions withPki(PkiSource source) {
        return new ServerOptions(dataDir, db, bindAddress, port, hostnames, timing, kubeconfig, dbPoolSize, source);
    }
}
