package io.hybridctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The hybridctl command line. Exit codes: 0 success, 1 the spec (or the checked thing) has errors, 2 the input
 * cannot be read or the usage is wrong, 3 an internal error. No input ever produces a stack trace; set
 * HYBRIDCTL_DEBUG=1 to see one for a bug report.
 */
@Command(name = "hybridctl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "One declarative spec for an EKS Hybrid Nodes cluster: validate, plan, verify, lab, pki, fleet.",
        subcommands = {ValidateCommand.class, ExplainCommand.class, InitCommand.class, SchemaCommand.class,
                ImportCommand.class, io.hybridctl.cli.pki.PkiCommand.class, io.hybridctl.cli.plan.PlanCommand.class, io.hybridctl.cli.lab.LabCommand.class, io.hybridctl.cli.fleet.ServerCommand.class, io.hybridctl.cli.fleet.AgentCommand.class, io.hybridctl.cli.fleet.FleetCommand.class,
                io.hybridctl.cli.verify.VerifyCommand.class, io.hybridctl.cli.aws.ApplyCommand.class, io.hybridctl.cli.aws.ObserveCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; tests call this directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError user) {
                err.println("hybridctl: " + user.getMessage());
                return user.exitCode();
            }
            err.println("hybridctl: internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). This is a bug; please report it with the input that caused it.");
            if ("1".equals(System.getenv("HYBRIDCTL_DEBUG"))) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli's handler sees only Exceptions; an Error (say a broken bundled resource) is still a bug report.
            err.println("hybridctl: internal error (" + e.getClass().getSimpleName() + "). This is a bug; please report it.");
            if ("1".equals(System.getenv("HYBRIDCTL_DEBUG"))) {
                e.printStackTrace(err);
            }
            code = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hybridctl " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
