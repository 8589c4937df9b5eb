package io.hybridctl.spec.validate;

import io.hybridctl.spec.compat.CompatibilityMatrix;
import io.hybridctl.spec.compat.Versions;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What nodeadm and IAM enforce on a host, checked before a machine is touched: node name, OS/arch/Kubernetes support,
 * credential provider per OS, CNI kernel floors and kubelet flags nodeadm refuses.
 */
final class HostRules implements RuleGroup {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    @Override
    public void check(ValidationContext ctx) {
        HybridCluster spec = ctx.spec();
        CompatibilityMatrix compat = ctx.compat();
        boolean ira = spec.credentials().provider() == Credentials.Provider.IAM_ROLES_ANYWHERE;
        String k8s = spec.cluster().kubernetesVersion();
        if (k8s.matches("\\d+(\\.\\d+){0,2}") && !compat.kubernetesVersions().contains(Versions.minorLine(k8s))) {
            ctx.report("NODE007", "spec.cluster.kubernetesVersion", "Kubernetes " + k8s + " is not a version EKS and nodeadm support for hybrid nodes",
                    "use one of " + String.join(", ", compat.kubernetesVersions()));
        }
        Cni cni = spec.cni();
        if (cni.version().matches("\\d+(\\.\\d+){0,2}") && !compat.supportedCniLines(cni.plugin()).contains(Versions.minorLine(cni.version()))) {
            ctx.report("NODE009", "spec.cni.version", cni.plugin().name().toLowerCase() + " " + cni.version() + " is outside the versions AWS supports on hybrid nodes",
                    "use " + String.join(", ", compat.supportedCniLines(cni.plugin())) + " (x = latest patch)");
        }
        Optional<String> kernelFloor = cni.version().isEmpty() ? Optional.empty() : compat.kernelFloor(cni.plugin(), cni.version());
        if (!ira && spec.hostCount() > compat.ssmStandardInstanceLimit()) {
            ctx.report("NODE010", "spec.sites", spec.hostCount() + " hosts exceed the " + compat.ssmStandardInstanceLimit()
                    + " standard SSM hybrid instances per account and Region", "enable the SSM advanced-instances tier, or use IAM Roles Anywhere");
        }
        if (!ira && spec.hostCount() > 0) {
            ctx.report("NODE012", "spec.credentials.provider", "with SSM, nodes register under their managed-instance id (mi-...), not the host name",
                    "hybridctl labels each node hybridctl.io/host=<name> so you can find it; use IAM Roles Anywhere to keep host names as node names");
        }
        Map<String, String> names = new HashMap<>();
        spec.hosts().forEach(h -> {
            String p = h.path();
            name(ctx, h, ira);
            String previous = names.putIfAbsent(h.name(), p);
            if (previous != null) {
                ctx.report("NODE003", p + ".name", "host name '" + h.name() + "' is already used by " + previous,
                        "node names are unique in a cluster; rename one of the hosts");
            }
            var release = compat.os(h.os(), h.osVersion());
            if (release.isEmpty()) {
                ctx.report("NODE006", p + ".osVersion", h.os().id() + " " + h.osVersion() + " is not supported for hybrid nodes",
                        "supported " + h.os().id() + " versions: " + String.join(", ", compat.supportedOsVersions(h.os())));
            } else {
                if (ira && !release.get().iamRolesAnywhere()) {
                    ctx.report("NODE004", p + ".os", h.os().id() + " " + h.osVersion() + " does not support IAM Roles Anywhere",
                            "use SSM for the cluster, or upgrade the host to a newer release");
                }
                kernelFloor.ifPresent(floor -> {
                    if (Versions.compare(release.get().kernel(), floor) < 0) {
                        ctx.report("NODE005", p + ".osVersion", cni.plugin().name().toLowerCase() + " " + cni.version() + " needs kernel " + floor
                                + "+, " + h.os().id() + " " + h.osVersion() + " ships " + release.get().kernel(), "upgrade the host OS, or pin the CNI below that version");
                    }
                });
            }
            if (h.os() == Host.Os.BOTTLEROCKET) {
                ctx.report("NODE008", p + ".os", "Bottlerocket joins without nodeadm (VMware variants only" +
                        (Versions.compare(k8s, compat.bottlerocketMinimumKubernetes()) < 0 ? ", and needs Kubernetes " + compat.bottlerocketMinimumKubernetes() + "+" : "") + ")",
                        "hybridctl renders Bottlerocket user data instead of a NodeConfig for this host");
            }
            containerdSource(ctx, h);
            for (int i = 0; i < h.kubeletFlags().size(); i++) {
                String flag = h.kubeletFlags().get(i);
                if (flag.startsWith("--hostname-override")) {
                    ctx.report("NODE011", p + ".overrides.kubeletFlags[" + i + "]", "hostname-override kubelet flag is not supported for hybrid nodes but found override: " + flag,
                            "remove it; the node name comes from the host name (IAM Roles Anywhere) or the SSM instance id");
                } else if (flag.startsWith("--register-with-taints") && cni.plugin() == Cni.Plugin.CILIUM
                        && !flag.contains("hybridctl.io/pod-block=unassigned:NoSchedule")) {
                    ctx.report("NODE014", p + ".overrides.kubeletFlags[" + i + "]", "--register-with-taints replaces the hybridctl.io/pod-block taint hybridctl registers "
                                    + "Cilium nodes with, so Cilium's operator may give this node a pod block other than its planned one",
                            "keep the taint in your list: --register-with-taints=hybridctl.io/pod-block=unassigned:NoSchedule,<yours>");
                } else if (flag.startsWith("--node-ip")) {
                    ctx.report("NODE011", p + ".overrides.kubeletFlags[" + i + "]", "--node-ip is set by hybridctl from the host address",
                            "remove the flag and change the host's address instead");
                }
            }
        });
    }

    /** The checks of nodeadm's ValidateContainerdSource (aws/eks-hybrid internal/containerd/install.go), made before install. */
    private static void containerdSource(ValidationContext ctx, Host h) {
        Host.ContainerdSource s = h.effectiveContainerdSource();
        if (h.os() == Host.Os.RHEL && s == Host.ContainerdSource.DISTRO) {
            ctx.report("NODE013", h.path() + ".containerdSource", "distro source for containerd is not supported on RHEL (nodeadm install refuses it)",
                    "use containerdSource: docker (containerd.io from Docker's repository) or none (containerd already installed), or leave it out");
        } else if (h.os() == Host.Os.AL2023 && s == Host.ContainerdSource.DOCKER) {
            ctx.report("NODE013", h.path() + ".containerdSource", "docker source for containerd is not supported on AL2023 (nodeadm install refuses it)",
                    "use containerdSource: distro or none, or leave it out");
        }
    }

    private static void name(ValidationContext ctx, Host h, boolean ira) {
        String p = h.path() + ".name";
        String n = h.name();
        if (n.length() > 64) {
            ctx.report("NODE001", p, "node name '" + n + "' is " + n.length() + " characters; nodeadm allows at most 64",
                    "shorten the host name to 64 characters or fewer");
        }
        if (!DNS_SUBDOMAIN.matcher(n).matches() || n.length() > 253) {
            ctx.report("NODE002", p, "'" + n + "' is not a valid Kubernetes node name", "use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit");
        } else if (ira && !SESSION_NAME.matcher(n).matches()) {
            ctx.report("NODE002", p, "'" + n + "' is not a valid IAM role session name", "use 2-64 characters from letters, digits and +=,.@-");
        }
    }
}
