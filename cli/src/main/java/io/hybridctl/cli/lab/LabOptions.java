package io.hybridctl.cli.lab;

import io.hybridctl.cli.UserError;
import io.hybridctl.lab.flows.LabFlows;
import io.hybridctl.lab.flows.FaultProbes;
import io.hybridctl.lab.flows.VerdictFlows;
import io.hybridctl.lab.daemon.PlanArtifacts;
import io.hybridctl.lab.host.CommandFailedException;
import io.hybridctl.lab.host.Preflight;
import io.hybridctl.lab.lifecycle.StateDirectory;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.design.LabDesigner;
import io.hybridctl.lab.LabException;
import io.hybridctl.lab.run.Progress;
import io.hybridctl.lab.topology.LabName;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Options every `lab` verb takes, and the error mapping they share. */
public final class LabOptions {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file (a file, not -: the lab reads the hybridctl.lock beside it).")
    Path file;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Lab name (1-20 lower-case letters/digits); default: the cluster name without dashes.")
    String name;

    @Option(names = "--no-enforce-firewall",
            description = "Load plan's firewall exactly as generated (policy accept, unlisted traffic only counted).")
    boolean noEnforce;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Lab lab() {
        return new Lab(StateDirectory.DEFAULT_ROOT, Preflight.ofThisMachine(), new PlanArtifacts(!noEnforce), new VerdictFlows());
    }

    LabDesign design() {
        if (io.hybridctl.cli.SpecFile.isStdin(file)) {
            // Every verb (up, test, fault, down) finds the lab's pod blocks in the hybridctl.lock beside the spec.
            throw new UserError(2, "lab needs the spec as a file, next to its hybridctl.lock; save it and pass -f FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(2, "cannot read " + file + ": no such file");
        }
        return new LabDesigner().design(file, Optional.ofNullable(name).map(this::parseName));
    }

    LabName labName() {
        if (name != null) {
            return parseName(name);
        }
        return design().name();
    }

    /** The lab's own probe set (kubelet, webhook, DNS, pod-to-pod per host), used to time faults. */
    LabFlows faultProbes() {
        return new FaultProbes();
    }

    Progress progress() {
        return new Progress(out(), terminal());
    }

    private LabName parseName(String n) {
        try {
            return new LabName(n);
        } catch (IllegalArgumentException e) {
            throw new UserError(2, e.getMessage());
        }
    }

    /** Ctrl-C during up or run: the hook removes whatever was built so far. */
    Thread cleanupOnInterrupt(Lab lab, LabName labName) {
        Thread hook = new Thread(() -> lab.down(labName), "lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    int guard(Callable<Integer> body) {
        try {
            return body.call();
        } catch (LabException e) {
            throw new UserError(exitCode(e.kind()), e.getMessage());
        } catch (CommandFailedException e) {
            throw new UserError(1, e.getMessage());
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented exit codes: 1 for what is wrong with the design or the lab, 2 for input and machine, 3 for our bugs. */
    static int exitCode(LabException.Kind kind) {
        return switch (kind) {
            case DESIGN, STATE, NOT_IN_DESIGN -> 1;
            case USAGE, UNREADABLE_INPUT, MACHINE -> 2;
            case INTERNAL -> 3;
        };
    }

    // JDK 22+ returns a Console even when output is redirected; Console.isTerminal() (22+) says which.
    static boolean terminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
