package io.hybridctl.plan.render.nodeadm;

import io.hybridctl.spec.model.Host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What `nodeadm install` accepts, per host OS, from aws/eks-hybrid cmd/nodeadm/install/install.go (NewCommand's flaggy
 * flags and Run) and internal/containerd/install.go (ValidateContainerdSource), at v1.0.20. Checks the `nodeadm install`
 * and `nodeadm init` lines of an install.sh; returns every problem.
 */
public final class NodeadmInstallRules {

    /** install.go NewCommand: fc.String(&cmd.credentialProvider, "p", "credential-provider", ...) and its siblings. */
    private static final Map<String, String> FLAGS = Map.of("-p", "--credential-provider", "-s", "--containerd-source", "-r", "--region",
            "-t", "--timeout");
    private static final Set<String> LONG_ONLY = Set.of("--private-tarball", "--s3-bucket", "--s3-key");

    private NodeadmInstallRules() {
    }

    public static List<String> problems(String installSh, Host host, String kubernetesVersion, String region) {
        List<String> out = new ArrayList<>();
        String install = installSh.lines().map(String::strip).filter(l -> l.startsWith("nodeadm install ")).findFirst().orElse(null);
        if (install == null) {
            out.add("no `nodeadm install` line");
            return out;
        }
        String[] words = install.split("\\s+");
        if (words.length < 3 || !words[2].equals(kubernetesVersion)) {
            out.add("KUBERNETES_VERSION (the positional value) is not " + kubernetesVersion + ": " + install);
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 3; i < words.length; i++) {
            String flag = FLAGS.getOrDefault(words[i], words[i]);
            if (!FLAGS.containsValue(flag) && !LONG_ONLY.contains(flag)) {
                out.add("unknown flag " + words[i] + " (flaggy refuses it)");
                continue;
            }
            if (i + 1 >= words.length) {
                out.add(flag + " has no value");
                break;
            }
            values.put(flag, words[++i]);
        }
        // install.go Run: if c.credentialProvider == "" { flaggy.ShowHelpAndExit(...) }; creds.GetCredentialProvider
        String provider = values.get("--credential-provider");
        if (provider == null || !Set.of("ssm", "iam-ra").contains(provider)) {
            out.add("--credential-provider must be ssm or iam-ra, is " + provider);
        }
        // install.go NewCommand: containerdSource defaults to tracker.ContainerdSourceDistro
        String source = values.getOrDefault("--containerd-source", "distro");
        if (!Set.of("none", "distro", "docker").contains(source)) {
            out.add("--containerd-source must be none, distro or docker, is " + source);
        }
        // containerd/install.go ValidateContainerdSource: case ContainerdSourceDistro: if osName == system.RhelOsName
        if (host.os() == Host.Os.RHEL && source.equals("distro")) {
            out.add("distro source for containerd is not supported on RHEL. Please provide `none` or `docker` to the --containerd-source flag");
        }
        // containerd/install.go ValidateContainerdSource: case ContainerdSourceDocker: if osName == system.AmazonOsName
        if (host.os() == Host.Os.AL2023 && source.equals("docker")) {
            out.add("docker source for containerd is not supported on AL2023. Please provide `none` or `distro` to the --containerd-source flag");
        }
        // install.go NewCommand: cmd.region = ssm.DefaultSsmInstallerRegion (us-west-2) unless -r is given
        if (!region.equals(values.getOrDefault("--region", "us-west-2"))) {
            out.add("--region is " + values.getOrDefault("--region", "us-west-2 (the default)") + ", the cluster is in " + region);
        }
        // configprovider/factory.go: the path is url.Host + url.Path, so only file:///absolute is unambiguous (nodeadm.md §1)
        String init = installSh.lines().map(String::strip).filter(l -> l.startsWith("nodeadm init ")).findFirst().orElse("");
        if (!init.matches("nodeadm init (-c|--config-source) file:///\\S+")) {
            out.add("`nodeadm init` does not read its config from an absolute file:/// URI: " + init);
        }
        return out;
    }
}
