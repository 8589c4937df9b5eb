package io.hybridctl.fleet.agent;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.TlsKeys;
import io.hybridctl.pki.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The agent's key (generated on the host, 0600, never sent anywhere), its certificate and the server's CA, kept in
 * the state directory.
 */
public final class AgentIdentity {

    private final Path dir;
    private final KeyPair keyPair;

    private AgentIdentity(Path dir, KeyPair keyPair) {
        this.dir = dir;
        this.keyPair = keyPair;
    }

    public static AgentIdentity openOrCreate(Path stateDir) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path keyFile = stateDir.resolve("agent.key");
        if (Files.exists(keyFile)) {
            PrivateKey key;
            try {
                key = PemCodec.readPrivateKey(Files.readString(keyFile), Optional.empty(), keyFile.toString());
            } catch (PkiException e) {
                throw new IOException(e.getMessage() + "; remove it and reset the host (hybridctl fleet reset HOST) to register a new key", e);
            }
            Optional<X509Certificate> cert = readCert(stateDir.resolve("agent.pem"));
            KeyPair kp = cert.map(c -> new KeyPair(c.getPublicKey(), key)).orElse(null);
            if (kp == null) {
                // Key without certificate: registration never finished; a fresh key costs nothing then.
                kp = TlsKeys.newKeyPair();
                AtomicFiles.writeSecret(keyFile, PemCodec.privateKey(kp.getPrivate()));
            }
            return new AgentIdentity(stateDir, kp);
        }
        KeyPair kp = TlsKeys.newKeyPair();
        AtomicFiles.writeSecret(keyFile, PemCodec.privateKey(kp.getPrivate()));
        return new AgentIdentity(stateDir, kp);
    }

    public String csrPem(String hostname) {
        return TlsKeys.csrPem(keyPair, hostname);
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public Optional<X509Certificate> certificate() {
        return readCert(dir.resolve("agent.pem"));
    }

    public Optional<String> hostId() {
        try {
            Path f = dir.resolve("host-id");
            return Files.exists(f) ? Optional.of(Files.readString(f).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void saveRegistration(String hostId, String certPem, String caPem) throws IOException {
        AtomicFiles.writePublic(dir.resolve("ca.pem"), caPem);
        AtomicFiles.writePublic(dir.resolve("agent.pem"), certPem);
        AtomicFiles.writePublic(dir.resolve("host-id"), hostId);
    }

    public Optional<X509Certificate> savedCa() {
        return readCert(dir.resolve("ca.pem"));
    }

    private static Optional<X509Certificate> readCert(Path f) {
        try {
            return Files.exists(f) ? Optional.of(PemCodec.readX509(Files.readString(f), f.toString())) : Optional.empty();
        } catch (IOException | PkiException e) {
            return Optional.empty();
        }
    }
}
