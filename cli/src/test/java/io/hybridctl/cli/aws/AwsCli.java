package io.hybridctl.cli.aws;

import io.hybridctl.aws.emulator.AwsFake;
import io.hybridctl.cli.Main;
import io.hybridctl.plan.emulator.MotoServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * moto_server behind the AWS fake, dummy credentials as SDK system properties, and the CLI run in-process against it
 * with --endpoint-url; every line printed is kept so tests can check no secret ever appears.
 */
final class AwsCli implements AutoCloseable {

    /** Never printed by hybridctl; tests look for it in everything it printed. */
    static final String SECRET_KEY = "moto-secret-key-never-printed-7f3a";

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final MotoServer moto;
    final AwsFake fake;
    final List<Run> runs = new ArrayList<>();

    AwsCli() {
        moto = MotoServer.start();
        fake = AwsFake.inFrontOf(moto.endpoint());
        System.setProperty("aws.accessKeyId", "AKIAMOTOTESTING00000");
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        // No instance metadata service either: credentials come from the properties above or nowhere.
        System.setProperty("aws.disableEc2Metadata", "true");
        ApplyCommand.pacer = d -> Thread.sleep(Math.min(d.toMillis(), 100));
    }

    /** hybridctl ARGS --region us-west-2 --endpoint-url FAKE (the region and endpoint go last, after any subcommand). */
    Run hybridctl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--region", "us-west-2", "--endpoint-url", fake.endpoint().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        Run r = new Run(code, out.toString(), err.toString());
        runs.add(r);
        return r;
    }

    String printed() {
        StringBuilder b = new StringBuilder();
        runs.forEach(r -> b.append(r.all()));
        return b.toString();
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.disableEc2Metadata");
        ApplyCommand.pacer = io.hybridctl.aws.stack.StackDeployer.Pacer.REAL;
        fake.close();
        moto.close();
    }
}
