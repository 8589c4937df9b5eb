package io.hybridctl.cli.pki;

import io.hybridctl.pki.lint.CertificateLinter;
import io.hybridctl.pki.lint.CertificateRole;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.format.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check certificates (yours or hybridctl's, the CA included) against IAM Roles Anywhere's requirements and nodeadm's checks.",
                "Each failed requirement is one finding with a fix. Exit 0: all pass; 1: findings; 2: a file cannot be read."})
final class PkiLintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PEM files; every certificate in each is checked.")
    List<Path> files;

    @Option(names = "--node-name", paramLabel = "NAME", description = "The node name the certificate's CN must equal (nodeadm's nodeName).")
    String nodeName;

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "A spec: node certificates' CN must be one of its host names.")
    Path specFile;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "auto",
            description = "auto (self-signed or CA:true+keyCertSign is a CA, else a node), ca or node. Default: ${DEFAULT-VALUE}.")
    String role;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text, json, sarif or github. Default: ${DEFAULT-VALUE}.")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat format;
        try {
            format = ReportFormat.named(output, false);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CertificateRole chosenRole = switch (role) {
            case "auto" -> CertificateRole.AUTO;
            case "ca" -> CertificateRole.CA;
            case "node" -> CertificateRole.NODE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown role '" + role + "'; use auto, ca or node");
        };
        Set<String> specHosts = new HashSet<>();
        if (specFile != null) {
            PkiTarget.loadSpec(specFile, spec, spec.commandLine().getErr(), false).hosts().forEach(h -> specHosts.add(h.name()));
        }
        CertificateLinter linter = new CertificateLinter(Instant.now(), Optional.ofNullable(nodeName), specHosts);
        List<Diagnostic> found = new ArrayList<>();
        boolean unreadable = false;
        for (Path file : files) {
            try {
                if (Files.size(file) > 1 << 20) {
                    found.add(new Diagnostic("PKI000", Severity.ERROR, "", Location.ofFile(file.toString()),
                            "larger than 1 MiB; not a certificate file", "check the path"));
                    unreadable = true;
                    continue;
                }
                found.addAll(linter.lint(file.toString(), Files.readString(file), chosenRole));
            } catch (IOException e) {
                found.add(new Diagnostic("PKI000", Severity.ERROR, "", Location.ofFile(file.toString()),
                        "cannot read the file (" + e.getClass().getSimpleName() + ")", "check the path and its permissions"));
                unreadable = true;
            }
        }
        Report report = new Report(found, unreadable);
        spec.commandLine().getOut().print(format.render(report));
        return report.exitCode(false);
    }
}
