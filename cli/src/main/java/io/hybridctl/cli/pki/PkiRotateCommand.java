package io.hybridctl.cli.pki;

import io.hybridctl.pki.InstallSteps;
import io.hybridctl.pki.IssueOutcome;
import io.hybridctl.pki.IssuePolicy;
import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Re-issue every certificate that expires within the window (or has expired), and print for each host the steps "
                + "that put the new files in place on the node. Hosts without a usable certificate are listed for `pki issue`.",
                "Exit 0: done; 1: some host has no certificate to rotate (missing, revoked or invalid); 2: bad input."})
final class PkiRotateCommand implements Callable<Integer> {

    @Mixin
    PkiTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "HOST", arity = "0..*", description = "Only these hosts.")
    List<String> hosts = new ArrayList<>();

    @Mixin
    CertificateOptions certificates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PkiTarget.Resolved resolved = target.resolve(spec.commandLine().getErr());
        PkiDirectory directory = resolved.directory();
        List<String> chosen = !hosts.isEmpty() ? hosts
                : resolved.spec().isPresent() ? resolved.hostNames() : PkiErrors.guard(directory::knownHosts);
        IssuePolicy policy = certificates.policy(false);
        RunReport report = PkiErrors.guard(() -> directory.rotate(
                resolved.ca(passphrase), chosen, policy));
        report.repairs().forEach(r -> out.println("repaired: " + r));
        boolean stuck = false;
        int renewed = 0;
        for (IssueOutcome o : report.outcomes()) {
            switch (o.action()) {
                case RENEWED, ISSUED -> {
                    renewed++;
                    out.println(o.host() + ": rotated (was " + o.before().state().label() + "), new serial " + o.serial().orElseThrow().toString(16)
                            + ", valid until " + o.notAfter().orElseThrow() + ". Put it in place:");
                    out.print(InstallSteps.forHost(resolved.layout(), o.host(), resolved.sshTarget(o.host())));
                }
                case UNCHANGED -> out.println(o.host() + ": ok, " + o.before().daysLeft(java.time.Instant.now()).map(d -> d + " days left").orElse(""));
                case SKIPPED -> {
                    stuck = true;
                    out.println(o.host() + ": " + o.before().state().label() + ", nothing to rotate: " + o.before().detail()
                            + "; run hybridctl pki issue " + o.host());
                }
            }
        }
        out.println(renewed + " certificate(s) rotated within " + certificates.within.toDays() + " days");
        return stuck ? 1 : 0;
    }
}
