package io.hybridctl.cli.pki;

import io.hybridctl.cli.UserError;
import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.KeyAlgorithm;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.lint.CertificateLinter;
import io.hybridctl.pki.lint.CertificateRole;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.format.TextFormat;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the CA (or import an existing one) in the PKI directory: ca.pem, ca.key (encrypted PKCS#8, 0600), ledger.json, crl.pem.",
                "Exit 0: created; 1: the directory already has a CA, the spec has errors or the imported CA fails lint; 2: bad input."})
final class PkiInitCommand implements Callable<Integer> {

    @Mixin
    PkiTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--name", paramLabel = "CN", description = "The CA's common name. Default: '<metadata.name> hybrid nodes CA' from the spec.")
    String name;

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec-p384", description = "ec-p384, rsa-3072 or rsa-4096. Default: ${DEFAULT-VALUE}.")
    String keyType;

    @Option(names = "--validity", paramLabel = "DURATION", defaultValue = "10y", converter = DurationConverter.class,
            description = "CA lifetime, e.g. 10y or 3650d. Default: ${DEFAULT-VALUE}.")
    Duration validity;

    @Option(names = "--unencrypted-key", description = "Store ca.key without encryption (still mode 0600). Only when the directory itself is protected.")
    boolean unencrypted;

    @Option(names = "--import-cert", paramLabel = "PEM", description = "Import this CA certificate instead of creating one (with --import-key).")
    Path importCert;

    @Option(names = "--import-key", paramLabel = "PEM", description = "The imported CA's private key (PKCS#8, PKCS#1 or SEC1; if encrypted, with the same passphrase).")
    Path importKey;

    @Option(names = "--crl-validity", paramLabel = "DURATION", defaultValue = "180d", converter = DurationConverter.class,
            description = "nextUpdate of the CRL written now. Default: ${DEFAULT-VALUE}.")
    Duration crlValidity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((importCert == null) != (importKey == null)) {
            throw new UserError(2, "--import-cert and --import-key go together: give both to import a CA, neither to create one");
        }
        if (unencrypted && passphrase.fileGiven()) {
            throw new UserError(2, "--unencrypted-key and --passphrase-file contradict each other; choose one");
        }
        PkiTarget.Resolved resolved = target.resolve(err, true);
        PkiDirectory directory = resolved.directory();
        Optional<Passphrase> secret = PkiErrors.guard(passphrase::passphrase);
        Optional<Passphrase> protection = unencrypted ? Optional.empty() : Optional.of(secret.orElseThrow(() -> new UserError(2,
                "the CA key is stored encrypted: set " + passphrase.variable + " or pass --passphrase-file FILE (or choose --unencrypted-key)")));
        CertificateAuthority ca = importCert != null ? importCa(secret, err) : create(resolved);
        PkiErrors.guard(() -> {
            directory.initialize(ca, protection, crlValidity);
            return null;
        });
        String cn = io.hybridctl.pki.status.CertificateInspector.commonName(ca.certificate());
        out.println((importCert != null ? "imported" : "created") + " CA '" + cn + "' (valid until " + ca.certificate().getNotAfter().toInstant()
                + ") in " + resolved.layout().root());
        out.println("  " + resolved.layout().caCertificate() + "  trust anchor (CERTIFICATE_BUNDLE, and eksctl caBundleCert)");
        out.println("  " + resolved.layout().caKey() + "  " + (protection.isPresent() ? "encrypted PKCS#8" : "UNENCRYPTED PKCS#8") + ", mode 0600");
        boolean specPointsHere = resolved.spec().flatMap(s -> s.credentials().caBundle())
                .filter(b -> b instanceof io.hybridctl.spec.model.Credentials.CaBundlePki).isPresent();
        out.println(specPointsHere ? "next: hybridctl pki issue --all -f " + target.specFile
                : "next: set credentials.caBundle: {pki: " + resolved.layout().root() + "} in the spec (relative to it), then hybridctl pki issue --all -f SPEC");
        return 0;
    }

    private CertificateAuthority create(PkiTarget.Resolved resolved) {
        String cn = name != null ? name : resolved.spec().map(s -> s.name() + " hybrid nodes CA").orElseThrow(() ->
                new UserError(2, "name the CA: give --name CN, or -f SPEC to use the cluster's name"));
        return PkiErrors.guard(() -> CertificateAuthority.create(cn, KeyAlgorithm.parse(keyType), validity, Clock.systemUTC()));
    }

    private CertificateAuthority importCa(Optional<Passphrase> secret, PrintWriter err) {
        return PkiErrors.guard(() -> {
            String certText = read(importCert);
            X509CertificateHolder cert = PemCodec.readCertificate(certText, importCert.toString());
            List<Diagnostic> findings = new CertificateLinter(Clock.systemUTC().instant(), Optional.empty(), java.util.Set.of())
                    .lint(importCert.toString(), PemCodec.certificate(cert), CertificateRole.CA);
            if (!findings.isEmpty()) {
                err.print(new TextFormat(false).render(new Report(findings, false)));
                throw new UserError(1, importCert + " cannot be an IAM Roles Anywhere trust anchor; fix the findings above");
            }
            return CertificateAuthority.of(cert, PemCodec.readPrivateKey(read(importKey), secret, importKey.toString()));
        });
    }

    private static String read(Path file) throws io.hybridctl.pki.PkiException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw io.hybridctl.pki.PkiException.badInput("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
