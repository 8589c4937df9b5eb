package io.hybridctl.spec.model;

import java.nio.file.Path;

/**
 * Where `hybridctl pki` keeps its files. plan and fleet read the CA bundle and node certificates from here, so the
 * layout is part of the spec contract rather than a detail of the pki module.
 */
public record PkiLayout(Path root) {

    public Path caCertificate() {
        return root.resolve("ca.pem");
    }

    public Path caKey() {
        return root.resolve("ca.key");
    }

    public Path ledger() {
        return root.resolve("ledger.json");
    }

    public Path crl() {
        return root.resolve("crl.pem");
    }

    public Path nodeDirectory(String host) {
        return root.resolve("nodes").resolve(host);
    }

    /** The node certificate, named as nodeadm's default certificatePath expects (/etc/iam/pki/server.pem). */
    public Path nodeCertificate(String host) {
        return nodeDirectory(host).resolve("server.pem");
    }

    public Path nodeKey(String host) {
        return nodeDirectory(host).resolve("server.key");
    }
}
