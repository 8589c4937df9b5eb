package io.hybridctl.fleet.bootstrap;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.CaBundles;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cluster's imported spec, loaded and validated the way plan loads it: what each host should be. Relative files the
 * spec names (the IAM Roles Anywhere CA bundle) are resolved against the directory the spec was imported from.
 */
public record ClusterDesign(HybridCluster spec, Path specDirectory) {

    public static ClusterDesign load(String specYaml, Path specDirectory) throws BootstrapException {
        LoadResult result = new SpecLoader().load("cluster.yaml", specYaml.getBytes(StandardCharsets.UTF_8), specDirectory);
        Optional<HybridCluster> spec = result.validSpec();
        if (spec.isEmpty()) {
            Diagnostic first = result.report().diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
            throw new BootstrapException("the spec does not load from " + specDirectory
                    + (first == null ? "" : ": " + first.code() + " " + first.path() + ": " + first.message())
                    + "; run `hybridctl validate -f SPEC`, fix it, and import it again with `hybridctl fleet import -f SPEC`");
        }
        return new ClusterDesign(spec.get(), specDirectory);
    }

    public Optional<Host> host(String name) {
        return spec.hosts().filter(h -> h.name().equals(name)).findFirst();
    }

    public Site site(Host host) {
        return spec.sites().get(host.siteIndex());
    }

    public boolean iamRolesAnywhere() {
        return spec.credentials().provider() == Credentials.Provider.IAM_ROLES_ANYWHERE;
    }

    /** The `hybridctl pki` directory the spec names as its CA (credentials.caBundle.pki), absolute. */
    public Optional<Path> pkiDirectory() {
        return spec.credentials().caBundle().orElse(null) instanceof Credentials.CaBundlePki p
                ? Optional.of(specDirectory.resolve(p.directory()).toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The PEM plan puts in the CloudFormation TrustAnchor and eksctl's caBundleCert. */
    public Optional<String> trustAnchorPem() throws BootstrapException {
        if (!iamRolesAnywhere()) {
            return Optional.empty();
        }
        try {
            return CaBundles.pem(spec.credentials());
        } catch (IOException e) {
            throw new BootstrapException("cannot read the CA bundle of spec.credentials.caBundle (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
