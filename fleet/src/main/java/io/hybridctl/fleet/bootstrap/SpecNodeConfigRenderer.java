package io.hybridctl.fleet.bootstrap;

import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Renders a host's NodeConfig with the plan module's renderer when the cluster was imported with its spec and the
 * spec has a host of that name: then --node-ip and the site, zone and host labels come from the design. Hosts the spec
 * does not list (or a spec that no longer loads) fall back to the fleet's own renderer.
 */
public final class SpecNodeConfigRenderer {

    private final Path baseDir;
    private final NodeConfigRenderer plan = new NodeConfigRenderer();

    /** @param baseDir where relative files named by a spec are looked up (the server's data directory) */
    public SpecNodeConfigRenderer(Path baseDir) {
        this.baseDir = baseDir;
    }

    public Optional<String> render(String specYaml, String hostname, NodeConfigInput.Credentials credentials) {
        if (specYaml == null) {
            return Optional.empty();
        }
        Optional<HybridCluster> spec = new SpecLoader().load("cluster.yaml", specYaml.getBytes(StandardCharsets.UTF_8), baseDir).validSpec();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<Host> host = spec.get().hosts().filter(h -> h.name().equals(hostname)).findFirst();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        NodeCredentials creds;
        try {
            creds = switch (credentials) {
                case NodeConfigInput.Ssm s -> new NodeCredentials.Ssm(Optional.of(new SsmActivation(s.activationId(), s.activationCode())));
                case NodeConfigInput.IamRolesAnywhere r -> new NodeCredentials.IamRolesAnywhere(r.roleArn(), r.profileArn(),
                        r.trustAnchorArn(), r.certificatePath(), r.privateKeyPath());
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(plan.nodeConfig(spec.get(), host.get(), creds));
    }
}
