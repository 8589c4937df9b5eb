package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.Credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Credential-provider rules from eksctl and IAM, with eksctl's gaps closed: the CA bundle is read and checked. */
final class CredentialRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        Credentials c = ctx.spec().credentials();
        String partition = ctx.spec().cluster().partition();
        if (c.provider() == Credentials.Provider.SSM && c.caBundle().isPresent()) {
            ctx.report("CTL003", "spec.credentials.caBundle", "a CA bundle is not used with the SSM credential provider",
                    "remove caBundle, or set provider: iamRolesAnywhere");
        }
        if (c.provider() == Credentials.Provider.IAM_ROLES_ANYWHERE) {
            if (c.caBundle().isEmpty()) {
                ctx.report("CTL004", "spec.credentials", "IAM Roles Anywhere needs a CA bundle for its trust anchor",
                        "add caBundle: {pki: pki} after `hybridctl pki init`, or caBundle: {file: ca.pem} for your own CA");
            } else {
                checkBundle(ctx, c.caBundle().get());
            }
        }
        c.roleArn().ifPresent(arn -> {
            if (!arn.matches("arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::\\d{12}:role/[\\w+=,.@/-]{1,512}")) {
                ctx.report("CTL005", "spec.credentials.roleARN", "'" + arn + "' is not an IAM role ARN",
                        "write arn:" + partition + ":iam::<12-digit account>:role/<name>");
            } else if (!arn.startsWith("arn:" + partition + ":")) {
                ctx.report("CTL005", "spec.credentials.roleARN", "the role ARN is in partition " + arn.split(":")[1] + ", the cluster in " + partition,
                        "use a role of the cluster's partition");
            } else {
                ctx.report("CTL007", "spec.credentials.roleARN", "bring-your-own role: no Hybrid Nodes role will be generated; the access entry uses this ARN",
                        c.provider() == Credentials.Provider.IAM_ROLES_ANYWHERE
                                ? "its trust policy must allow rolesanywhere.amazonaws.com with sts:RoleSessionName = ${aws:PrincipalTag/x509Subject/CN}"
                                : "its trust policy must allow ssm.amazonaws.com with aws:SourceAccount and aws:SourceArn conditions");
            }
        });
        if (!partition.equals("aws") && !partition.equals("aws-us-gov")) {
            ctx.report("CTL009", "spec.cluster.region", "eksctl's template has no " + (c.provider() == Credentials.Provider.SSM ? "SSM" : "IAM Roles Anywhere")
                    + " service principal for partition " + partition + " and would fail there", "deploy with hybridctl's CloudFormation template, which maps every partition");
        }
    }

    private static void checkBundle(ValidationContext ctx, Credentials.CaBundle bundle) {
        String path = "spec.credentials.caBundle";
        Optional<String> pem = switch (bundle) {
            case Credentials.CaBundlePem p -> Optional.of(p.pem());
            case Credentials.CaBundleFile f -> read(ctx, f.path(), path + ".file");
            case Credentials.CaBundlePki p -> read(ctx, p.directory().resolve("ca.pem"), path + ".pki");
        };
        pem.ifPresent(text -> {
            if (!text.contains("-----BEGIN CERTIFICATE-----") || !text.contains("-----END CERTIFICATE-----")) {
                ctx.report("CTL008", path, "the CA bundle holds no PEM certificate", "give a PEM file with at least one -----BEGIN CERTIFICATE----- block");
            }
        });
    }

    private static Optional<String> read(ValidationContext ctx, Path file, String path) {
        if (!Files.isRegularFile(file)) {
            ctx.report("CTL008", path, "CA bundle " + file + " does not exist", bundleHint(path));
            return Optional.empty();
        }
        try {
            if (Files.size(file) > 1 << 20) {
                ctx.report("CTL008", path, "CA bundle " + file + " is larger than 1 MiB", "a CA bundle is a few kilobytes; check the path");
                return Optional.empty();
            }
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            ctx.report("CTL008", path, "cannot read CA bundle " + file + ": " + e.getClass().getSimpleName(), "check the file's permissions");
            return Optional.empty();
        }
    }

    private static String bundleHint(String path) {
        return path.endsWith(".pki") ? "run `hybridctl pki init` to create the CA there, or fix the path (relative to the spec file)"
                : "fix the path (relative to the spec file)";
    }

}
