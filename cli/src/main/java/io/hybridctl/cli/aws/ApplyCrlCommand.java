package io.hybridctl.cli.aws;

import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.aws.crl.CrlPublisher;
import io.hybridctl.aws.stack.StackDeployer;
import io.hybridctl.cli.UserError;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.PkiLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "crl", mixinStandardHelpOptions = true,
        description = {"After `hybridctl pki revoke`: import (first time) or update the CA's CRL in IAM Roles Anywhere for the stack's trust anchor, "
                + "so revoked node certificates stop getting credentials.",
                "Exit 0: published; 1: AWS refused it; 2: unreadable input, missing permission or AWS configuration."})
public final class ApplyCrlCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = "--crl", paramLabel = "FILE", description = "The CRL (PEM). Default: crl.pem in the spec's credentials.caBundle.pki directory.")
    Path crl;

    @Mixin
    AwsOptions aws;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HybridCluster cluster = SpecPlan.load(file);
        if (cluster.credentials().provider() != Credentials.Provider.IAM_ROLES_ANYWHERE) {
            throw new UserError(Report.UNUSABLE_INPUT, file + ": spec.credentials.provider is ssm; a CRL is only used with iamRolesAnywhere");
        }
        Path crlFile = crl != null ? crl : cluster.credentials().caBundle()
                .filter(b -> b instanceof Credentials.CaBundlePki).map(b -> new PkiLayout(((Credentials.CaBundlePki) b).directory()).crl())
                .orElseThrow(() -> new UserError(Report.UNUSABLE_INPUT, file + ": spec.credentials.caBundle does not name a hybridctl pki directory; pass --crl FILE"));
        byte[] data;
        try {
            data = Files.readAllBytes(crlFile);
        } catch (NoSuchFileException e) {
            throw new UserError(Report.UNUSABLE_INPUT, crlFile + ": no such file; `hybridctl pki revoke` writes it");
        } catch (IOException e) {
            throw new UserError(Report.UNUSABLE_INPUT, crlFile + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!new String(data, java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN X509 CRL-----")) {
            throw new UserError(Report.UNUSABLE_INPUT, crlFile + ": not a PEM CRL (no BEGIN X509 CRL); pass the crl.pem `hybridctl pki revoke` writes");
        }
        String stackName = StackOutputs.stackName(cluster);
        try (AwsClients clients = new AwsClients(aws.target(), cluster.cluster().region())) {
            StackOutputs outputs = new StackDeployer(clients.cloudFormation(), StackDeployer.Pacer.REAL).outputs(stackName);
            String anchor = outputs.require(StackOutputs.TRUST_ANCHOR_ARN, "stack " + stackName);
            CrlPublisher.Published p = new CrlPublisher(clients.rolesAnywhere()).publish(cluster.name(), anchor, data);
            spec.commandLine().getOut().println((p.created() ? "imported " : "updated ") + CrlPublisher.crlName(cluster.name()) + " (" + p.crlArn() + ") for trust anchor " + anchor);
            return 0;
        } catch (AwsProblem p) {
            throw AwsErrors.of(p);
        } catch (PlanInputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
    }
}
