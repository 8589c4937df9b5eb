package io.hybridctl.cli.pki;

import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.ca.RevocationReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a host's current certificate and write crl.pem (PEM, as IAM Roles Anywhere's CRL resource takes it).",
                "Exit 0: revoked; 1: nothing to revoke; 2: bad input."})
final class PkiRevokeCommand implements Callable<Integer> {

    @Mixin
    PkiTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "HOST", description = "The node whose certificate is revoked.")
    String host;

    @Option(names = "--reason", paramLabel = "REASON", defaultValue = "unspecified",
            description = "unspecified, key-compromise, superseded or cessation-of-operation. Default: ${DEFAULT-VALUE}.")
    String reason;

    @Option(names = "--crl-validity", paramLabel = "DURATION", defaultValue = "180d", converter = DurationConverter.class,
            description = "nextUpdate of the new CRL. Default: ${DEFAULT-VALUE}.")
    Duration crlValidity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PkiTarget.Resolved resolved = target.resolve(spec.commandLine().getErr());
        PkiDirectory directory = resolved.directory();
        PkiDirectory.Revoked revoked = PkiErrors.guard(() -> directory.revoke(
                resolved.ca(passphrase), host, RevocationReason.parse(reason), crlValidity));
        revoked.repairs().forEach(r -> out.println("repaired: " + r));
        String crl = resolved.layout().crl().toString();
        out.println(host + ": revoked serial " + revoked.serial().toString(16) + "; wrote " + crl + " (CRL number " + revoked.crlNumber() + ")");
        out.println("upload it to IAM Roles Anywhere (first time: import, afterwards: update):");
        out.println("  aws rolesanywhere import-crl --name hybridctl --trust-anchor-arn <TRUST_ANCHOR_ARN> --crl-data fileb://" + crl + " --enabled");
        out.println("  aws rolesanywhere update-crl --crl-id <CRL_ID> --crl-data fileb://" + crl);
        out.println("then give the node a new certificate: hybridctl pki issue " + host);
        return 0;
    }
}
