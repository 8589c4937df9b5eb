package io.hybridctl.plan;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.LockFileException;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.model.CaBundles;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.PkiLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the files a plan needs besides the spec. Every failure is a {@link PlanInputException} a user can act on. */
public final class PlanSources {

    private PlanSources() {
    }

    public static PlanInputs read(HybridCluster spec, Path specFile, Optional<Path> activationFile) throws PlanInputException {
        return read(spec, specFile, activationFile, Optional.empty());
    }

    /** As above, with the JSON of `aws cloudformation describe-stacks` for the IAM Roles Anywhere ARNs. */
    public static PlanInputs read(HybridCluster spec, Path specFile, Optional<Path> activationFile, Optional<Path> stackOutputsFile)
            throws PlanInputException {
        Optional<NodeCredentials.IamRolesAnywhere> ira = Optional.empty();
        if (stackOutputsFile.isPresent()) {
            if (spec.credentials().provider() != Credentials.Provider.IAM_ROLES_ANYWHERE) {
                throw new PlanInputException("--stack-outputs fills the IAM Roles Anywhere ARNs, but the spec uses SSM; pass --ssm-activation instead");
            }
            Path f = stackOutputsFile.get();
            ira = Optional.of(StackOutputs.read(f, StackOutputs.stackName(spec)).iamRolesAnywhere(spec.credentials().roleArn(), f.toString()));
        }
        PlanInputs base = readFiles(spec, specFile, activationFile);
        return new PlanInputs(base.spec(), base.lock(), base.activation(), base.caBundlePem(), base.nodeCertificates(), ira);
    }

    /**
     * One warning per IAM Roles Anywhere host whose certificate is not in the pki directory the spec names: its
     * install.sh would stop on the host for want of /etc/iam/pki/server.pem.
     */
    public static List<String> warnings(PlanInputs in) {
        List<String> out = new ArrayList<>();
        if (in.spec().credentials().caBundle().orElse(null) instanceof Credentials.CaBundlePki pki) {
            PkiLayout layout = new PkiLayout(pki.directory());
            for (Host h : (Iterable<Host>) in.spec().hosts()::iterator) {
                if (!in.nodeCertificates().containsKey(h.name())) {
                    out.add(h.path() + ": host " + h.name() + " has no certificate at " + layout.nodeCertificate(h.name())
                            + "; run `hybridctl pki issue` for it, or its install.sh stops on the host");
                }
            }
        }
        return out;
    }

    private static PlanInputs readFiles(HybridCluster spec, Path specFile, Optional<Path> activationFile) throws PlanInputException {
        LockFile lock;
        try {
            lock = LockFileCodec.read(LockFile.beside(specFile), spec.name());
        } catch (LockFileException e) {
            throw new PlanInputException(e.getMessage());
        }
        Optional<SsmActivation> activation = Optional.empty();
        if (activationFile.isPresent()) {
            if (spec.credentials().provider() != Credentials.Provider.SSM) {
                throw new PlanInputException("--ssm-activation is for SSM credentials, but the spec uses IAM Roles Anywhere; drop the option");
            }
            Path f = activationFile.get();
            try {
                activation = Optional.of(SsmActivation.parseJson(Files.readString(f)));
            } catch (IOException e) {
                throw new PlanInputException(f + " cannot be read (" + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                throw new PlanInputException(f + ": " + e.getMessage());
            }
        }
        Optional<String> ca;
        try {
            ca = spec.credentials().provider() == Credentials.Provider.IAM_ROLES_ANYWHERE ? CaBundles.pem(spec.credentials()) : Optional.empty();
        } catch (IOException e) {
            throw new PlanInputException("the CA bundle of spec.credentials.caBundle cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> certs = new HashMap<>();
        if (spec.credentials().caBundle().orElse(null) instanceof Credentials.CaBundlePki pki) {
            PkiLayout layout = new PkiLayout(pki.directory());
            for (Host h : (Iterable<Host>) spec.hosts()::iterator) {
                Path cert = layout.nodeCertificate(h.name());
                if (Files.isRegularFile(cert)) {
                    try {
                        certs.put(h.name(), Files.readString(cert));
                    } catch (IOException e) {
                        throw new PlanInputException(cert + " cannot be read (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
        }
        return new PlanInputs(spec, lock, activation, ca, certs);
    }
}
