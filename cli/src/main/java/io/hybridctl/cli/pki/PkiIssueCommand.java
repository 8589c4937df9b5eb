package io.hybridctl.cli.pki;

import io.hybridctl.cli.UserError;
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

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Write nodes/<host>/server.pem and server.key (0600) for each host: CN and DNS SAN = the node name, "
                + "digitalSignature, clientAuth. A host with a valid certificate outside the rotation window is left alone unless --force.",
                "Exit 0: done; 1: refused (a spec error, a lock held too long); 2: bad input."})
final class PkiIssueCommand implements Callable<Integer> {

    @Mixin
    PkiTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "HOST", arity = "0..*", description = "Node names (the spec's host names).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--all", description = "Every host in the spec (needs -f).")
    boolean all;

    @Option(names = "--force", description = "Replace valid certificates too.")
    boolean force;

    @Mixin
    CertificateOptions certificates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PkiTarget.Resolved resolved = target.resolve(spec.commandLine().getErr());
        List<String> chosen = HostSelection.choose(resolved, hosts, all);
        IssuePolicy policy = certificates.policy(force);
        PkiDirectory directory = resolved.directory();
        RunReport report = PkiErrors.guard(() -> directory.issue(
                resolved.ca(passphrase), chosen, policy));
        report.repairs().forEach(r -> out.println("repaired: " + r));
        for (IssueOutcome o : report.outcomes()) {
            switch (o.action()) {
                case ISSUED, RENEWED -> out.println(o.host() + ": " + (o.action() == IssueOutcome.Action.ISSUED ? "issued" : "renewed")
                        + " serial " + o.serial().orElseThrow().toString(16) + ", valid until " + o.notAfter().orElseThrow()
                        + (o.before().state().label().equals("missing") ? "" : " (was " + o.before().state().label() + ")")
                        + " -> " + resolved.layout().nodeDirectory(o.host()) + "/server.pem, server.key");
                case UNCHANGED -> out.println(o.host() + ": unchanged, valid until " + o.before().notAfter().map(Object::toString).orElse("?")
                        + " (use --force to replace it)");
                case SKIPPED -> out.println(o.host() + ": skipped: " + o.before().detail());
            }
        }
        return 0;
    }

    /** Hosts named on the command line, or all of the spec's; named hosts must belong to the spec when one is given. */
    static final class HostSelection {

        private HostSelection() {
        }

        static List<String> choose(PkiTarget.Resolved resolved, List<String> named, boolean all) {
            if (all && !named.isEmpty()) {
                throw new UserError(2, "give host names or --all, not both");
            }
            if (all) {
                if (resolved.spec().isEmpty()) {
                    throw new UserError(2, "--all needs the spec: add -f SPEC");
                }
                return resolved.hostNames();
            }
            if (named.isEmpty()) {
                throw new UserError(2, "which hosts? name them, or pass --all with -f SPEC");
            }
            if (resolved.spec().isPresent()) {
                List<String> known = resolved.hostNames();
                for (String h : named) {
                    if (!known.contains(h)) {
                        throw new UserError(2, "host '" + h + "' is not in the spec; its hosts are " + String.join(", ", known));
                    }
                }
            }
            return List.copyOf(named);
        }
    }
}
