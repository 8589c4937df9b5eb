package io.hybridctl.pki.store;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.spec.model.PkiLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A CA that a service keeps for itself in a directory (the fleet server's agent CA for mutual TLS): created on first
 * use, then read back. Same layout as a `hybridctl pki` directory (ca.pem 0644, ca.key 0600, written atomically), but
 * the key is not encrypted, because the service must start unattended; the directory is 0700.
 */
public final class CaFiles {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private CaFiles() {
    }

    public static CertificateAuthority openOrCreate(Path dir, String commonName, Clock clock) throws PkiException, IOException {
        PkiLayout layout = new PkiLayout(dir);
        if (Files.exists(layout.caCertificate()) && Files.exists(layout.caKey())) {
            return CertificateAuthority.open(layout, Optional.empty());
        }
        CertificateAuthority ca = CertificateAuthority.create(commonName, KeyAlgorithm.EC_P384, CA_VALIDITY, clock);
        // Key first: a crash in between leaves no certificate without its key, and the next start makes a new pair.
        AtomicFiles.writeSecret(layout.caKey(), ca.keyPem(Optional.empty()));
        AtomicFiles.writePublic(layout.caCertificate(), PemCodec.certificate(ca.certificate()));
        return ca;
    }
}
