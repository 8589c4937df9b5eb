package io.hybridctl.cli.verify;

import io.hybridctl.cli.SpecFile;
import io.hybridctl.cli.UserError;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.verify.Verifier;
import io.hybridctl.verify.flows.FlowTracer;
import io.hybridctl.verify.flows.VerifyOptions;
import io.hybridctl.verify.observed.ObservedStateException;
import io.hybridctl.verify.report.JsonReport;
import io.hybridctl.verify.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prove, before anything is deployed, that every flow a hybrid cluster needs gets through, hop by hop.",
                "Builds a network model from the spec and plan's rendered routes, rules and pod blocks (or from observed state with --observed), "
                + "then checks each required flow. Works on specs with validation errors too, to explain broken designs.",
                "Exit 0: every required flow passes; 1: a flow fails; 2: unreadable input or bad usage; 3: internal error."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file, or - to read it from standard input.")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "The output format: text or json. Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--flow", paramLabel = "NAME", description = "Only this flow (see docs/verify.md); with --from and --to, trace it in detail.")
    String flow;

    @Option(names = "--from", paramLabel = "X", description = "The source for --flow: a host name, a model node (router/SITE, eni/TABLE) or an address.")
    String from;

    @Option(names = "--to", paramLabel = "Y", description = "The destination for --flow: a host name, a model node or an address.")
    String to;

    @Option(names = "--observed", paramLabel = "DIR", description = "A directory of exported real state (aws, FRR, nft JSON) to lay over the design.")
    Path observed;

    @Option(names = "--observe", description = "First read the real AWS state (read-only, as hybridctl observe) into --observed DIR, or a temporary directory, and verify against it.")
    boolean observe;

    @CommandLine.Mixin
    io.hybridctl.cli.aws.AwsOptions aws;

    @Option(names = "--webhooks-on-hybrid-nodes", description = "Admission webhooks run on hybrid nodes, so the API server must reach their pods.")
    boolean webhooksOnHybridNodes;

    @Option(names = "--allow-invalid", description = "Verify a spec that has validation errors anyway (the verdicts then describe a design "
            + "validate rejects). Without it such a spec exits 1 with its errors.")
    boolean allowInvalid;

    @Option(names = "--max-findings", defaultValue = "20", paramLabel = "N", description = "The number of failures shown per flow in text output. Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown output format '" + output + "'; use text or json");
        }
        if ((from != null || to != null) && (flow == null || from == null || to == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to go together, with --flow NAME");
        }
        long started = System.nanoTime();
        LoadResult load = SpecFile.load(file, spec);
        long loaded = System.nanoTime();
        if (load.spec().isEmpty()) {
            Diagnostic d = load.diagnostics().get(0);
            throw new UserError(2, d.location() + ": " + d.message() + (d.hint().isEmpty() ? "" : " (" + d.hint() + ")"));
        }
        List<Diagnostic> errors = load.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() && !allowInvalid) {
            // A design validate rejects is never "PASS": say so instead of verifying it.
            var err = spec.commandLine().getErr();
            err.print(new io.hybridctl.spec.diag.format.TextFormat(false).render(load.report()));
            err.println("hybridctl: the spec has " + errors.size() + " validation error(s); verify judges only valid designs. "
                    + "Fix them (hybridctl validate -f " + file + "), or pass --allow-invalid to verify it anyway");
            return 1;
        }
        if (observe) {
            observed = observedDirectory();
            var err = spec.commandLine().getErr();
            io.hybridctl.cli.aws.ObserveCommand.run(load.spec().get(), observed, aws, err, err);
        }
        Verifier.Request request = new Verifier.Request(load.spec().get(), errors, Optional.of(LockFile.beside(file)), Optional.ofNullable(observed),
                new VerifyOptions(webhooksOnHybridNodes), java.util.function.UnaryOperator.identity());
        Verifier.Run run;
        try {
            run = new Verifier().run(request);
        } catch (ObservedStateException e) {
            throw new UserError(2, e.getMessage());
        } catch (RuntimeException e) {
            if (errors.isEmpty()) {
                throw e;
            }
            // --allow-invalid on a spec whose errors the network model cannot represent (two nodes with one name, a
            // block size no host fits): refuse with the errors rather than crash.
            Diagnostic first = errors.get(0);
            throw new UserError(1, "verify cannot model this spec because of its validation errors, first " + first.location() + ": "
                    + first.message() + "; fix them (hybridctl validate -f " + file + ") and run verify again");
        }
        if ("1".equals(System.getenv("HYBRIDCTL_TIMING"))) {
            // Phase timings for bench/verify.sh; stderr keeps -o json on stdout clean.
            var err = spec.commandLine().getErr();
            err.printf("timing: %-28s %6d ms wall%n", "load + validate spec", (loaded - started) / 1_000_000);
            run.phases().forEach((phase, t) -> err.printf("timing: %-28s %6d ms wall %6d ms cpu%n", phase, t.wallMillis(), t.cpuMillis()));
            err.flush();
        }
        if (flow != null && from != null) {
            return trace(run, request.options());
        }
        var report = run.report();
        if (flow != null) {
            if (report.flows().stream().noneMatch(f -> f.definition().name().equals(flow))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no flow named '" + flow + "'; flows: "
                        + String.join(", ", report.flows().stream().map(f -> f.definition().name()).toList()));
            }
            report = new io.hybridctl.verify.report.VerifyReport(report.cluster(), report.hosts(), report.sites(), report.notes(), report.differences(),
                    report.flows().stream().filter(f -> f.definition().name().equals(flow)).toList());
        }
        String text = output.equals("json") ? new JsonReport().render(report) : new TextReport(Math.max(1, maxFindings)).render(report);
        spec.commandLine().getOut().print(text);
        return report.exitCode();
    }

    /** --observe without --observed: a fresh directory, removed when the JVM exits (verify only reads it once). */
    private Path observedDirectory() {
        if (observed != null) {
            return observed;
        }
        try {
            Path dir = java.nio.file.Files.createTempDirectory("hybridctl-observed-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new UserError(2, "cannot create a temporary directory for --observe (" + e.getMessage() + "); pass --observed DIR");
        }
    }

    private int trace(Verifier.Run run, VerifyOptions options) {
        List<FlowTracer.Traced> traces;
        try {
            traces = new FlowTracer(run.model(), run.analyzer()).trace(flow, from, to, options);
        } catch (IllegalArgumentException e) {
            throw new UserError(2, e.getMessage());
        }
        boolean ok = traces.stream().allMatch(t -> t.explanation().isEmpty());
        StringBuilder b = new StringBuilder();
        if (output.equals("json")) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            var root = json.createObjectNode().put("flow", flow).put("passed", ok);
            var arr = root.putArray("traces");
            for (FlowTracer.Traced t : traces) {
                var o = arr.addObject().put("header", t.header()).put("direction", t.reply() ? "reply" : "request")
                        .put("source", t.source()).put("destination", t.destination());
                o.set("trace", JsonReport.trace(t.trace()));
                t.explanation().ifPresent(x -> o.putObject("explanation").put("code", x.code()).put("component", x.component())
                        .put("detail", x.detail()).put("remediation", x.remediation()).put("symptom", x.symptom()));
            }
            try {
                b.append(json.writeValueAsString(root)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            b.append(TextReport.traces(flow, traces));
        }
        spec.commandLine().getOut().print(b);
        return ok ? 0 : 1;
    }
}
