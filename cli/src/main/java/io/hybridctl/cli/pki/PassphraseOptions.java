package io.hybridctl.cli.pki;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.Passphrase;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where the CA key passphrase comes from: an environment variable or a file. There is deliberately no argv option. */
final class PassphraseOptions {

    @Option(names = "--passphrase-env", paramLabel = "VAR", defaultValue = Passphrase.DEFAULT_VARIABLE,
            description = "Environment variable holding the CA key passphrase. Default: ${DEFAULT-VALUE}.")
    String variable;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File whose first line is the CA key passphrase (instead of the variable).")
    Path file;

    Optional<Passphrase> passphrase() throws PkiException {
        if (file != null) {
            return Optional.of(Passphrase.fromFile(file));
        }
        return Passphrase.fromEnvironment(System.getenv(), variable);
    }

    boolean fileGiven() {
        return file != null;
    }
}
