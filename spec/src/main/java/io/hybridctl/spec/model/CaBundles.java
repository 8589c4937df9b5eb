package io.hybridctl.spec.model;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Reads the PEM text of a spec's CA bundle, whichever source it names. Validation has already checked it exists. */
public final class CaBundles {

    private CaBundles() {
    }

    public static Optional<String> pem(Credentials credentials) throws IOException {
        if (credentials.caBundle().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (credentials.caBundle().get()) {
            case Credentials.CaBundlePem p -> p.pem();
            case Credentials.CaBundleFile f -> Files.readString(f.path());
            case Credentials.CaBundlePki p -> Files.readString(new PkiLayout(p.directory()).caCertificate());
        });
    }
}
