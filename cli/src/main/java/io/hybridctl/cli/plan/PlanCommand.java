package io.hybridctl.cli.plan;

import io.hybridctl.cli.UserError;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.PlanInputs;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.PlanSources;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.IpamProblem;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.output.OutputException;
import io.hybridctl.plan.output.OutputTree;
import io.hybridctl.plan.output.PlanDiff;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Render every artifact a hybrid cluster needs (eksctl, CloudFormation, NodeConfigs, CNI, routers, VPN, firewall,",
                "load balancers, add-ons, runbook, topology) from one validated spec, and record pod blocks in hybridctl.lock.",
                "Exit 0: written, or --diff found no difference; 1: the spec or the pod address plan has errors (nothing written),",
                "or --diff found differences;",
                "2: unreadable input, unusable output directory or bad usage."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory. Replaced as a whole, atomically; must be new, empty or an earlier plan output.")
    Path output;

    @Option(names = "--diff", description = "Show what would change in DIR (and hybridctl.lock) without writing anything.")
    boolean diff;

    @Option(names = "--ssm-activation", paramLabel = "FILE",
            description = "JSON printed by `aws ssm create-activation`; fills the NodeConfigs (written 0600).")
    Path activation;

    @Option(names = "--stack-outputs", paramLabel = "FILE",
            description = "JSON printed by `aws cloudformation describe-stacks` for the deployed stack; fills the IAM Roles Anywhere ARNs.")
    Path stackOutputs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Phases phases = new Phases(err);
        LoadResult loaded = new SpecLoader().load(file);
        phases.done("load and validate");
        Optional<HybridCluster> valid = loaded.validSpec();
        if (valid.isEmpty()) {
            err.print(new TextFormat(false).render(loaded.report()));
            err.println("hybridctl: the spec has errors; nothing was written");
            return loaded.report().exitCode(false);
        }
        PlanInputs inputs;
        try {
            inputs = PlanSources.read(valid.get(), file, Optional.ofNullable(activation), Optional.ofNullable(stackOutputs));
        } catch (PlanInputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        PlanOutcome outcome = new Planner().plan(inputs);
        phases.done("render");
        if (outcome instanceof PlanOutcome.Refused refused) {
            List<Diagnostic> ds = refused.problems().stream().map((IpamProblem p) -> p.toDiagnostic(loaded.sources())).toList();
            err.print(new TextFormat(false).render(new Report(ds, false)));
            err.println("hybridctl: the pod address plan cannot keep every host's block; nothing was written");
            return Report.SPEC_ERRORS;
        }
        RenderedPlan plan = ((PlanOutcome.Rendered) outcome).plan();
        List<String> inputWarnings = PlanSources.warnings(inputs);
        inputWarnings.forEach(w -> err.println("warning: " + w));
        Path lockFile = LockFile.beside(file);
        if (diff) {
            return showDiff(plan, inputs.lock(), lockFile, out);
        }
        long warnings = loaded.report().count(Severity.WARNING) + inputWarnings.size();
        try {
            LockFileCodec.store(lockFile, plan.lock());
        } catch (io.hybridctl.plan.ipam.LockFileException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new UserError(Report.UNUSABLE_INPUT, "cannot write " + lockFile + " (" + e.getClass().getSimpleName()
                    + "); the lock must sit next to the spec, so make that directory writable. Nothing was written");
        }
        try {
            OutputTree.write(plan, output);
        } catch (OutputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        phases.done("write");
        out.println("wrote " + plan.artifacts().size() + " files to " + output + " for " + valid.get().hostCount() + " hosts in "
                + valid.get().sites().size() + " sites; pod blocks in " + lockFile
                + (warnings > 0 ? " (" + warnings + " warning(s): run hybridctl validate)" : ""));
        out.println("next: read " + output.resolve("README.md"));
        return 0;
    }

    /** Phase timings on stderr when HYBRIDCTL_TIMING=1, for bench/plan.sh. */
    private static final class Phases {
        private final PrintWriter err;
        private final boolean on = "1".equals(System.getenv("HYBRIDCTL_TIMING"));
        private long last = System.nanoTime();

        Phases(PrintWriter err) {
            this.err = err;
        }

        void done(String phase) {
            long now = System.nanoTime();
            if (on) {
                err.printf("timing: %-18s %6d ms%n", phase, (now - last) / 1_000_000);
            }
            last = now;
        }
    }

    private int showDiff(RenderedPlan plan, LockFile oldLock, Path lockFile, PrintWriter out) {
        PlanDiff.Result result;
        try {
            result = PlanDiff.against(plan, output);
        } catch (OutputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        out.print(result.text());
        String lockChange = lockChange(oldLock, plan.lock());
        out.println(lockFile + ": " + lockChange);
        // As `kubectl diff` and diff(1): 1 when applying would change something.
        return result.isEmpty() && lockChange.equals("unchanged") ? 0 : 1;
    }

    /** What writing would do to the lock, in words: blocks recorded for new hosts, dropped for removed ones. */
    private static String lockChange(LockFile before, LockFile after) {
        java.util.Map<String, String> was = new java.util.TreeMap<>();
        before.allocations().forEach(e -> was.put(e.host(), e.block().toString()));
        java.util.Map<String, String> now = new java.util.TreeMap<>();
        after.allocations().forEach(e -> now.put(e.host(), e.block().toString()));
        List<String> added = now.keySet().stream().filter(h -> !was.containsKey(h)).toList();
        List<String> dropped = was.keySet().stream().filter(h -> !now.containsKey(h)).toList();
        List<String> moved = now.keySet().stream().filter(h -> was.containsKey(h) && !was.get(h).equals(now.get(h))).toList();
        List<String> parts = new java.util.ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("would record pod blocks for " + added.size() + " new host(s) (" + String.join(", ", added.subList(0, Math.min(5, added.size()))) + (added.size() > 5 ? ", ..." : "") + ")");
        }
        if (!dropped.isEmpty()) {
            parts.add("would drop the pod blocks of " + dropped.size() + " removed host(s) (" + String.join(", ", dropped.subList(0, Math.min(5, dropped.size()))) + (dropped.size() > 5 ? ", ..." : "") + ")");
        }
        if (!moved.isEmpty()) {
            parts.add("would change the pod blocks of " + moved.size() + " host(s) (" + String.join(", ", moved.subList(0, Math.min(5, moved.size()))) + ")");
        }
        if (parts.isEmpty() && !LockFileCodec.write(before).equals(LockFileCodec.write(after))) {
            parts.add("would be rewritten (same blocks)");
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }
}
