package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.security.CertificateAuthority;
import io.hybridctl.fleet.security.KeyFiles;
import io.hybridctl.fleet.security.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

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
            PrivateKey key = Pem.privateKey(Files.readString(keyFile));
            Optional<X509Certificate> cert = readCert(stateDir.resolve("agent.pem"));
            KeyPair kp = cert.map(c -> new KeyPair(c.getPublicKey(), key)).orElse(null);
            if (kp == null) {
                // Key without certificate: registration never finished; a fresh key costs nothing then.
                kp = CertificateAuthority.newKeyPair();
                KeyFiles.writePrivate(keyFile, Pem.write(kp.getPrivate()));
            }
            return new AgentIdentity(stateDir, kp);
        }
        KeyPair kp = CertificateAuthority.newKeyPair();
        KeyFiles.writePrivate(keyFile, Pem.write(kp.getPrivate()));
        return new AgentIdentity(stateDir, kp);
    }

    public String csrPem(String hostname) {
        try {
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + hostname.replaceAll("[,=+<>#;\"\\\\]", "-")), keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()));
            return Pem.write(csr);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign CSR", e);
        }
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
        KeyFiles.writePublic(dir.resolve("ca.pem"), caPem);
        KeyFiles.writePublic(dir.resolve("agent.pem"), certPem);
        KeyFiles.writePublic(dir.resolve("host-id"), hostId);
    }

    public Optional<X509Certificate> savedCa() {
        return readCert(dir.resolve("ca.pem"));
    }

    private static Optional<X509Certificate> readCert(Path f) {
        try {
            return Files.exists(f) ? Optional.of(Pem.certificate(Files.readString(f))) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
