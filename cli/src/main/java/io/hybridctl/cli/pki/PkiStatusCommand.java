package io.hybridctl.cli.pki;

import io.hybridctl.pki.PkiDirectory;
import io.hybridctl.pki.status.StatusReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each node certificate: host, serial, not-after, days left, state (ok, rotate-soon, expired, missing, revoked, invalid).",
                "Hosts: those named, else the spec's (-f), else every host the directory knows. Read-only: needs no passphrase.",
                "Exit 0: all usable; 1: a certificate is revoked, expired, missing or invalid; 2: bad input."})
final class PkiStatusCommand implements Callable<Integer> {

    @Mixin
    PkiTarget target;

    @Parameters(paramLabel = "HOST", arity = "0..*", description = "Only these hosts.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--within", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Certificates expiring within this window are rotate-soon. Default: ${DEFAULT-VALUE}.")
    Duration within;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown output format '" + output + "'; use text or json");
        }
        PkiTarget.Resolved resolved = target.resolve(spec.commandLine().getErr());
        PkiDirectory directory = resolved.directory();
        Instant now = Instant.now();
        List<String> chosen = !hosts.isEmpty() ? hosts
                : resolved.spec().isPresent() ? resolved.hostNames() : PkiErrors.guard(directory::knownHosts);
        StatusReport report = new StatusReport(PkiErrors.guard(() -> directory.status(chosen, within)), now, within);
        spec.commandLine().getOut().print(output.equals("json") ? report.json() : report.table());
        return report.failed() ? 1 : 0;
    }
}
