package io.hybridctl.cli;

import io.hybridctl.spec.diag.RuleCatalog;
import io.hybridctl.spec.diag.RuleDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print the documentation of a diagnostic code, or list them all.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CODE", description = "A code such as EKS003.")
    String code;

    @Option(names = "--list", description = "List every code with its severity and title.")
    boolean list;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = RuleCatalog.get();
        if (list || code == null) {
            for (RuleDoc d : catalog.all()) {
                out.printf("%-8s %-8s %s%n", d.code(), d.severity().label(), d.title());
            }
            return 0;
        }
        RuleDoc doc = catalog.find(code).orElseThrow(() -> new UserError(2, "no diagnostic code '" + code + "'; `hybridctl explain --list` shows them all"));
        out.println(doc.code() + " (" + doc.severity().label() + "): " + doc.title());
        out.println();
        out.println(doc.explain());
        if (!doc.source().isEmpty()) {
            out.println();
            out.println("Source: " + doc.source());
        }
        return 0;
    }
}
