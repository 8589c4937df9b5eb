package io.hybridctl.cli.pki;

import io.hybridctl.cli.SpecFile;
import io.hybridctl.cli.UserError;
import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.PkiLayout;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Which PKI directory a command works on, and the spec it serves: the spec's credentials.caBundle.pki directory when
 * set, else --dir. A spec with errors is refused with its diagnostics (exit 1).
 */
final class PkiTarget {

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "The HybridCluster spec (or - for standard input): its hosts, and its credentials.caBundle.pki directory.")
    Path specFile;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--dir", paramLabel = "DIR", description = "The PKI directory, when the spec does not name one in credentials.caBundle.pki.")
    Path dir;

    record Resolved(PkiLayout layout, Optional<HybridCluster> spec) {

        PkiDirectory directory() {
            return new PkiDirectory(layout, Clock.systemUTC());
        }

        /** The directory's CA, its key opened with the passphrase the options name. */
        CertificateAuthority ca(PassphraseOptions passphrase) throws PkiException {
            return CertificateAuthority.open(layout, passphrase.passphrase());
        }

        List<String> hostNames() {
            return spec.map(s -> s.hosts().map(Host::name).toList()).orElse(List.of());
        }

        /** How ssh reaches a host: its address from the spec, else its name. */
        String sshTarget(String host) {
            return spec.flatMap(s -> s.hosts().filter(h -> h.name().equals(host)).findFirst())
                    .map(h -> h.address().toString()).orElse(host);
        }
    }

    /** The valid spec, or a UserError after printing its diagnostics: exit 2 when unreadable, 1 when it has errors. */
    static HybridCluster loadSpec(Path specFile, picocli.CommandLine.Model.CommandSpec command, PrintWriter err, boolean creatingCa) {
        LoadResult result = SpecFile.load(specFile, command);
        List<Diagnostic> blocking = result.diagnostics().stream()
                .filter(Diagnostic::isError)
                .filter(d -> !(creatingCa && d.code().equals("CTL008") && d.path().equals("spec.credentials.caBundle.pki")))
                .toList();
        if (result.report().unreadable() || result.spec().isEmpty()) {
            err.print(new TextFormat(false).render(result.report()));
            throw new UserError(2, "cannot read the spec " + specFile);
        }
        if (!blocking.isEmpty()) {
            err.print(new TextFormat(false).render(new Report(blocking, false)));
            throw new UserError(1, "the spec " + specFile + " has errors; fix them first (hybridctl validate -f " + specFile + ")");
        }
        return result.spec().get();
    }

    Resolved resolve(PrintWriter err) {
        return resolve(err, false);
    }

    /**
     * @param creatingCa for `pki init`: the spec may point at a CA that does not exist yet, which the validator
     *                   reports (CTL008 on caBundle.pki); that one error is what init is about to fix.
     */
    Resolved resolve(PrintWriter err, boolean creatingCa) {
        Optional<HybridCluster> spec = specFile == null ? Optional.empty() : Optional.of(loadSpec(specFile, command, err, creatingCa));
        Optional<Path> fromSpec = spec.flatMap(s -> s.credentials().caBundle())
                .filter(b -> b instanceof Credentials.CaBundlePki).map(b -> ((Credentials.CaBundlePki) b).directory());
        if (fromSpec.isPresent() && dir != null
                && !fromSpec.get().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            throw new UserError(2, "the spec's credentials.caBundle.pki is " + fromSpec.get() + " but --dir is " + dir + "; drop --dir or fix the spec");
        }
        Path root = fromSpec.orElse(dir);
        if (root == null) {
            throw new UserError(2, "which PKI directory? give --dir DIR, or -f SPEC with credentials.caBundle.pki set");
        }
        return new Resolved(new PkiLayout(root), spec);
    }
}
