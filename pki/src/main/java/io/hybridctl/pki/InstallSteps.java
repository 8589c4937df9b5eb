package io.hybridctl.pki;

import io.hybridctl.spec.model.PkiLayout;

/**
 * The steps that put a node's new certificate in place: copy the pair to nodeadm's default paths (certificatePath and
 * privateKeyPath in the NodeConfig), then restart the credentials-file daemon, which may keep the old signer.
 * The key travels over ssh's stdin and lands through umask 077, so it is never readable by others on the node, and
 * each file is swapped in with mv so credential-process never reads a half-written one.
 */
public final class InstallSteps {

    public static final String NODE_DIRECTORY = "/etc/iam/pki";

    private InstallSteps() {
    }

    /** Shell lines for one host; {@code target} is how ssh reaches it (its address or name). */
    public static String forHost(PkiLayout layout, String host, String target) {
        String cert = quote(layout.nodeCertificate(host).toString());
        String key = quote(layout.nodeKey(host).toString());
        return """
                  ssh %3$s 'sudo sh -c "umask 077 && mkdir -p %4$s && cat > %4$s/server.key.new"' < %2$s
                  ssh %3$s 'sudo sh -c "umask 022 && cat > %4$s/server.pem.new"' < %1$s
                  ssh %3$s 'sudo mv %4$s/server.key.new %4$s/server.key && sudo mv %4$s/server.pem.new %4$s/server.pem'
                  # only when the NodeConfig sets enableCredentialsFile: true (the update daemon may keep the old signer):
                  ssh %3$s 'sudo systemctl restart aws_signing_helper_update'
                """.formatted(cert, key, target, NODE_DIRECTORY);
    }

    private static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
