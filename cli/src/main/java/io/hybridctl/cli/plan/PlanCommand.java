package io.hybridctl.cli.plan;

import io.hybridctl.cli.SpecFile;
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
import io.hybridctl.plan.output.PlanCommit;
import io.hybridctl.plan.output.PlanDiff;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.model.HybridCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Render every artifact a hybrid cluster needs (eksctl, CloudFormation, NodeConfigs, CNI, routers, VPN, firewall, "
                + "load balancers, add-ons, runbook, topology) from one validated spec, and record pod blocks in hybridctl.lock.",
                "Exit 0: written, or --diff found no difference; 1: the spec or the pod address plan has errors (nothing written), "
                + "or --diff found differences; 2: unreadable input, unusable output directory or bad usage."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file, or - to read it from standard input.")
    Path file;

    @Option(names = {"-d", "--out-dir"}, paramLabel = "DIR",
            description = "The output directory. It is replaced as a whole, atomically, and must be new, empty or an earlier plan output.")
    Path outDir;

    // Until 0.2 plan took its directory with -o, which every other command uses for the output format.
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", hidden = true,
            description = "Deprecated spelling of --out-dir, accepted with a warning until the next release.")
    Path legacyOutput;

    @Option(names = "--diff", description = "Show what would change in DIR (and in hybridctl.lock) without writing anything.")
    boolean diff;

    @Option(names = "--ssm-activation", paramLabel = "FILE",
            description = "The JSON that `aws ssm create-activation` prints; it fills in the NodeConfigs, which are then written 0600.")
    Path activation;

    @Option(names = "--stack-outputs", paramLabel = "FILE",
            description = "The JSON that `aws cloudformation describe-stacks` prints for the deployed stack; it fills in the IAM Roles Anywhere ARNs.")
    Path stackOutputs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        output = outputDirectory(err);
        Phases phases = new Phases(err);
        LoadResult loaded = SpecFile.load(file, spec);
        phases.done("load and validate");
        Optional<HybridCluster> valid = loaded.validSpec();
        if (valid.isEmpty()) {
            err.print(new TextFormat(false).render(loaded.report()));
            err.println("hybridctl: the spec has errors; nothing was written");
            return loaded.report().exitCode(false);
        }
        Path lockFile = LockFile.beside(file);
        // The lock's guard is held from reading the lock to replacing it, so concurrent plans cannot lose a section.
        try (PlanCommit commit = PlanCommit.begin(lockFile, output)) {
            commit.notes().forEach(n -> err.println("hybridctl: " + n));
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
            if (diff) {
                return showDiff(plan, inputs.lock(), lockFile, out);
            }
            long warnings = loaded.report().count(Severity.WARNING) + inputWarnings.size();
            commit.write(plan);
            phases.done("write");
            out.println("wrote " + plan.artifacts().size() + " files to " + output + " for " + valid.get().hostCount() + " hosts in "
                    + valid.get().sites().size() + " sites; pod blocks in " + lockFile
                    + (warnings > 0 ? " (" + warnings + " warning(s): run hybridctl validate)" : ""));
            out.println("next: read " + output.resolve("README.md"));
            return 0;
        } catch (OutputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
    }

    private Path outputDirectory(PrintWriter err) {
        if (outDir != null && legacyOutput != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the output directory once, with --out-dir (-o DIR is its old spelling)");
        }
        if (outDir != null) {
            return outDir;
        }
        if (legacyOutput != null) {
            err.println("hybridctl: warning: `plan -o DIR` is deprecated and will be removed in the next release; use `plan --out-dir DIR` (or -d DIR)");
            return legacyOutput;
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out-dir=DIR'");
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
        // As `kubectl diff` and diff(1): 1 when writing would change something.
        return result.isEmpty() && lockChange.equals("unchanged") ? 0 : 1;
    }

    /** What writing would do to the lock, in words: blocks recorded for new hosts, dropped for removed ones. */
    private static String lockChange(LockFile before, LockFile after) {
        Map<String, String> was = new TreeMap<>();
        before.allocations().forEach(e -> was.put(e.host(), e.block().toString()));
        Map<String, String> now = new TreeMap<>();
        after.allocations().forEach(e -> now.put(e.host(), e.block().toString()));
        List<String> parts = new ArrayList<>();
        describe(parts, "would record pod blocks for %d new host(s)", now.keySet().stream().filter(h -> !was.containsKey(h)).toList());
        describe(parts, "would drop the pod blocks of %d removed host(s)", was.keySet().stream().filter(h -> !now.containsKey(h)).toList());
        describe(parts, "would change the pod blocks of %d host(s)", now.keySet().stream().filter(h -> was.containsKey(h) && !was.get(h).equals(now.get(h))).toList());
        if (parts.isEmpty() && !LockFileCodec.write(before).equals(LockFileCodec.write(after))) {
            parts.add("would be rewritten (same blocks)");
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }

    private static void describe(List<String> parts, String what, List<String> hosts) {
        if (!hosts.isEmpty()) {
            parts.add(String.format(what, hosts.size()) + " (" + String.join(", ", hosts.subList(0, Math.min(5, hosts.size()))) + (hosts.size() > 5 ? ", ..." : "") + ")");
        }
    }
}
