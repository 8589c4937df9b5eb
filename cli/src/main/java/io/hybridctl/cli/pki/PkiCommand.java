package io.hybridctl.cli.pki;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `hybridctl pki`: the CA behind IAM Roles Anywhere node certificates. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = {"Run the CA that signs IAM Roles Anywhere node certificates: create or import it, issue one certificate per node, "
                + "report expiry, rotate, revoke (with a CRL), and lint any certificate against IAM Roles Anywhere's requirements.",
                "The CA key passphrase comes from $HYBRIDCTL_PKI_PASSPHRASE (or --passphrase-env NAME) or --passphrase-file, never argv."},
        subcommands = {PkiInitCommand.class, PkiIssueCommand.class, PkiStatusCommand.class, PkiRotateCommand.class,
                PkiRevokeCommand.class, PkiLintCommand.class})
public final class PkiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
