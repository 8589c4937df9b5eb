package io.hybridctl.cli;

import io.hybridctl.spec.diag.format.ControlCharacters;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The hybridctl command line. Exit codes: 0 success, 1 the spec (or the checked thing) has errors, 2 the input
 * cannot be read or the usage is wrong, 3 an internal error. No input ever produces a stack trace; set
 * HYBRIDCTL_DEBUG=1 to see one for a bug report.
 */
@Command(name = "hybridctl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "One declarative spec for an EKS Hybrid Nodes cluster: validate, plan, verify, lab, pki, fleet.",
        subcommands = {ValidateCommand.class, ExplainCommand.class, InitCommand.class, SchemaCommand.class,
                ImportCommand.class, VersionCommand.class, CompletionCommand.class, io.hybridctl.cli.pki.PkiCommand.class, io.hybridctl.cli.plan.PlanCommand.class, io.hybridctl.cli.lab.LabCommand.class, io.hybridctl.cli.fleet.ServerCommand.class, io.hybridctl.cli.fleet.AgentCommand.class, io.hybridctl.cli.fleet.FleetCommand.class,
                io.hybridctl.cli.verify.VerifyCommand.class, io.hybridctl.cli.aws.ApplyCommand.class, io.hybridctl.cli.aws.ObserveCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;

    /** A command tree without standard input, for parsing only. */
    public Main() {
        this(InputStream.nullInputStream());
    }

    Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** What `-f -` reads. */
    InputStream stdin() {
        return stdin;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams and no standard input; tests call this directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs a command line with the given streams; tests call this directly. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(in);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionStrategy(Main::refuseUnknownCommands);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError user) {
                err.println("hybridctl: " + ControlCharacters.escape(user.getMessage()));
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

    /** The whole command tree, for running and for generating completion scripts. */
    static CommandLine commandLine(InputStream in) {
        return new CommandLine(new Main(in));
    }

    /**
     * picocli lets `--help` win over an argument it could not match, so `hybridctl no-such-command --help` would
     * print the parent's help and exit 0; an unknown command is a usage error however it is asked about.
     */
    private static int refuseUnknownCommands(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (true) {
            if (!last.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
            }
            if (!last.hasSubcommand()) {
                break;
            }
            last = last.subcommand();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** A usage error: one line saying what is wrong, suggestions when there are any, and where help is. Exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !command.getSubcommands().isEmpty()
                && command.getCommandSpec().positionalParameters().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                message = "unknown command '" + unmatched.get(0) + "' for '" + command.getCommandSpec().qualifiedName() + "'";
            }
        }
        err.println("hybridctl: " + ControlCharacters.escape(message));
        StringWriter suggestions = new StringWriter();
        if (CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions))) {
            err.print(ControlCharacters.escape(suggestions.toString()));
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return CommandLine.ExitCode.USAGE;
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
