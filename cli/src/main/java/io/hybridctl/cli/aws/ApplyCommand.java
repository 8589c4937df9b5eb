package io.hybridctl.cli.aws;

import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.aws.PolicyDocument;
import io.hybridctl.aws.apply.AppliedArtifacts;
import io.hybridctl.aws.apply.ApplyListener;
import io.hybridctl.aws.apply.Applier;
import io.hybridctl.aws.cluster.RegisteredNode;
import io.hybridctl.aws.cluster.RemoteNetworks;
import io.hybridctl.aws.stack.ChangeSetPreview;
import io.hybridctl.aws.stack.ResourceChange;
import io.hybridctl.aws.stack.StackDeployer;
import io.hybridctl.aws.stack.StackEvent;
import io.hybridctl.cli.UserError;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.LockFileException;
import io.hybridctl.plan.output.OutputException;
import io.hybridctl.plan.output.OutputTree;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.diag.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true, subcommands = ApplyCrlCommand.class,
        description = {"Deploy the plan to AWS: a CloudFormation change set for the stack, shown first and executed only with --approve; "
                + "for a cluster that exists outside the stack, its remote networks through UpdateClusterConfig. Writes the plan's output "
                + "with out/stack-outputs.json and NodeConfigs re-rendered with the stack's ARNs (or SSM activations).",
                "Exit 0: nothing to change, or applied; 1: changes are pending (not approved), or AWS failed them; "
                + "2: unreadable input, missing permission or AWS configuration; 3: internal error."})
public final class ApplyCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "out", paramLabel = "DIR", description = "Plan output directory (as for hybridctl plan). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--approve", description = "Execute the change set shown (the same one a plain apply showed) and update the cluster.")
    boolean approve;

    @Option(names = "--force", description = "Remove remote networks even when registered hybrid nodes are still in them.")
    boolean force;

    @Option(names = "--ssm-activations", description = "With --approve and SSM credentials: create one SSM activation per site; codes go to DIR/ssm/SITE.json (0600), never to the screen.")
    boolean activations;

    @Option(names = "--print-policy", description = "Print the minimal IAM policy for apply, apply crl and observe, and exit.")
    boolean printPolicy;

    @Mixin
    AwsOptions aws;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Polling pace; tests replace it so they need not sleep. */
    static StackDeployer.Pacer pacer = StackDeployer.Pacer.REAL;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (printPolicy) {
            out.print(PolicyDocument.json());
            return 0;
        }
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--file=SPEC'");
        }
        if (activations && !approve) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ssm-activations creates activations, so it needs --approve");
        }
        SpecPlan sp = SpecPlan.of(file);
        Applier.Result result;
        Map<String, SsmActivation> kept;
        try {
            kept = AppliedArtifacts.earlierActivations(sp.spec(), output);
        } catch (PlanInputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        try (AwsClients clients = new AwsClients(aws.target(), sp.spec().cluster().region()); InFlight inFlight = new InFlight(spec.commandLine().getErr())) {
            result = new Applier(clients, pacer, Clock.systemUTC()).apply(new Applier.Request(sp.spec(), sp.plan(), approve, force, activations),
                    new Printer(out, inFlight));
        } catch (AwsProblem p) {
            throw AwsErrors.of(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(1, "interrupted");
        }
        Map<String, SsmActivation> all = new LinkedHashMap<>(kept);
        all.putAll(result.activations());
        write(sp, result, all, out);
        if (result.pending()) {
            out.println("not applied: run `hybridctl apply -f " + file + " --approve` to execute change set " + result.preview().changeSetName()
                    + (result.clusterChange().map(c -> !c.empty()).orElse(false) ? " and update the cluster's remote networks" : ""));
            return 1;
        }
        out.println(result.executed() ? "applied" : "no changes: stack " + result.preview().stackName() + " and the cluster match the spec");
        return 0;
    }

    private void write(SpecPlan sp, Applier.Result result, Map<String, SsmActivation> activations, PrintWriter out) {
        RenderedPlan full;
        try {
            full = AppliedArtifacts.with(sp.plan(), sp.spec(), result.outputs(), activations);
        } catch (PlanInputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        Path lockFile = LockFile.beside(file);
        try {
            LockFileCodec.store(lockFile, full.lock());
            OutputTree.write(full, output);
        } catch (LockFileException | OutputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new UserError(Report.UNUSABLE_INPUT, "cannot write " + lockFile + " (" + e.getClass().getSimpleName() + "); make the spec's directory writable");
        }
        out.println("wrote " + output + (result.outputs().isPresent() ? " with " + AppliedArtifacts.STACK_OUTPUTS + " and NodeConfigs from the stack's outputs" : "")
                + (activations.isEmpty() ? "" : "; SSM activations for " + activations.keySet() + " in " + output.resolve("ssm") + " (0600)"));
    }

    /** Prints apply's progress; never an activation code (none passes through here). */
    private static final class Printer implements ApplyListener {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        private final PrintWriter out;
        private final InFlight inFlight;

        Printer(PrintWriter out, InFlight inFlight) {
            this.out = out;
            this.inFlight = inFlight;
        }

        @Override
        public void preview(ChangeSetPreview p, Optional<RemoteNetworks.Change> cluster, List<RegisteredNode> cutOff) {
            if (p.empty()) {
                out.println("stack " + p.stackName() + ": no changes");
            } else {
                out.println("stack " + p.stackName() + (p.newStack() ? " (new)" : "") + ": change set " + p.changeSetName() + ": "
                        + p.withAction("Add").size() + " to add, " + p.withAction("Modify").size() + " to modify, " + p.withAction("Remove").size() + " to remove");
                for (ResourceChange c : p.changes()) {
                    String sign = switch (c.action()) {
                        case "Add" -> "+";
                        case "Remove" -> "-";
                        case "Modify" -> "~";
                        default -> "?";
                    };
                    out.println("  " + sign + " " + c.resourceType() + " " + c.logicalId()
                            + (c.action().equals("Modify") && !c.replacement().isEmpty() ? " (replacement: " + c.replacement() + ")" : "")
                            + (c.changedProperties().isEmpty() ? "" : " " + c.changedProperties()));
                }
            }
            cluster.ifPresent(c -> {
                if (c.empty()) {
                    out.println("cluster remote networks: no changes (nodes " + c.after().nodeCidrs() + ", pods " + c.after().podCidrs() + ")");
                    return;
                }
                out.println("cluster remote networks (UpdateClusterConfig): nodes " + c.before().nodeCidrs() + " -> " + c.after().nodeCidrs()
                        + ", pods " + c.before().podCidrs() + " -> " + c.after().podCidrs());
                c.addedNodes().forEach(x -> out.println("  + remote node network " + x));
                c.removedNodes().forEach(x -> out.println("  - remote node network " + x));
                c.addedPods().forEach(x -> out.println("  + remote pod network " + x));
                c.removedPods().forEach(x -> out.println("  - remote pod network " + x));
                if (!c.removed().isEmpty()) {
                    out.println(cutOff.isEmpty() ? "  no registered hybrid node is in the removed networks"
                            : "  removal cuts off registered hybrid nodes (needs --force): "
                            + String.join(", ", cutOff.stream().map(n -> n.name() + " " + n.address() + " (" + n.instanceId() + ")").toList()));
                }
            });
            out.flush();
        }

        @Override
        public void event(StackEvent e) {
            out.println("  " + TIME.format(e.time()) + " " + e.status() + " " + e.resourceType() + " " + e.logicalId() + (e.reason().isEmpty() ? "" : ": " + e.reason()));
            out.flush();
        }

        @Override
        public void note(String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public void inFlight(Optional<String> what) {
            inFlight.set(what);
        }
    }
}
