package io.hybridctl.cli.pki;

import io.hybridctl.pki.IssuePolicy;
import io.hybridctl.pki.ca.KeyAlgorithm;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The node-certificate settings `pki issue` and `pki rotate` share: lifetime, rotation window and key type. */
final class CertificateOptions {

    @Option(names = "--validity", paramLabel = "DURATION", defaultValue = "1y", converter = DurationConverter.class,
            description = "Lifetime of new certificates. Default: ${DEFAULT-VALUE}.")
    Duration validity;

    @Option(names = "--within", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Rotation window: certificates that expire within it are re-issued. Default: ${DEFAULT-VALUE}.")
    Duration within;

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec-p384", description = "Node key: ec-p384, rsa-3072 or rsa-4096. Default: ${DEFAULT-VALUE}.")
    String keyType;

    IssuePolicy policy(boolean force) {
        return PkiErrors.guard(() -> new IssuePolicy(KeyAlgorithm.parse(keyType), validity, within, force));
    }
}
