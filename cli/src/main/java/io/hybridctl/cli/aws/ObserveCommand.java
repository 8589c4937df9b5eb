package io.hybridctl.cli.aws;

import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.aws.observe.Observer;
import io.hybridctl.cli.UserError;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.model.HybridCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Read the cluster's real AWS state and write it where `hybridctl verify --observed DIR` reads it (AWS CLI JSON): "
                + "route tables, the cluster security groups, transit gateway routes and the EKS cluster's remote network config.",
                "Read-only: observe makes no change in AWS (Describe*/Search* calls only).",
                "Exit 0: everything read; 1: some calls were denied (each named by its IAM action; the rest was read); "
                + "2: unreadable input or no AWS credentials/region."})
public final class ObserveCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The observed-state directory (other files in it are kept).")
    Path output;

    @Mixin
    AwsOptions aws;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HybridCluster cluster = SpecPlan.load(file);
        return run(cluster, output, aws, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Shared with `verify --observe`: observe into {@code dir}, report on {@code err}, return 0 or 1. */
    public static int run(HybridCluster cluster, Path dir, AwsOptions aws, PrintWriter out, PrintWriter err) {
        Observer.Result r;
        try (AwsClients clients = new AwsClients(aws.target(), cluster.cluster().region())) {
            r = new Observer(clients).observe(cluster, dir);
        } catch (AwsProblem p) {
            throw AwsErrors.of(p);
        } catch (IOException e) {
            throw new UserError(Report.UNUSABLE_INPUT, "cannot write into " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        r.written().forEach(f -> out.println("wrote " + dir.resolve(f)));
        r.notes().forEach(n -> err.println("observe: " + n));
        r.denied().forEach(p -> err.println("observe: " + p.getMessage()));
        out.flush();
        err.flush();
        return r.denied().isEmpty() ? 0 : 1;
    }
}
