package io.hybridctl.plan.render.nodeadm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.render.Yaml;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.NodeLabels;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a host's nodeadm NodeConfig (node.eks.aws/v1alpha1) and its install.sh. Shared with fleet, which feeds real
 * activations and stack outputs where plan can only leave placeholders.
 */
public final class NodeConfigRenderer {

    /** Where install.sh puts the NodeConfig on the host; nodeadm needs an absolute file:/// URI (nodeadm.md §1). */
    public static final String CONFIG_ON_HOST = "/etc/hybridctl/nodeconfig.yaml";
    /** Cilium hosts register with it; cni/install.sh lifts it once the node's CiliumNode holds its planned pod block. */
    public static final String POD_BLOCK_TAINT = "hybridctl.io/pod-block";

    public RenderedNode render(HybridCluster spec, Host host, NodeCredentials credentials) {
        boolean secret = credentials instanceof NodeCredentials.Ssm s && s.activation().isPresent();
        return new RenderedNode(host.name(), nodeConfig(spec, host, credentials), installScript(spec, host), secret);
    }

    public String nodeConfig(HybridCluster spec, Host host, NodeCredentials credentials) {
        ObjectNode doc = Yaml.object();
        doc.put("apiVersion", "node.eks.aws/v1alpha1");
        doc.put("kind", "NodeConfig");
        ObjectNode s = doc.putObject("spec");
        ObjectNode cluster = s.putObject("cluster");
        cluster.put("name", spec.name());
        cluster.put("region", spec.cluster().region());
        ObjectNode hybrid = s.putObject("hybrid");
        switch (credentials) {
            case NodeCredentials.Ssm ssm -> {
                ObjectNode o = hybrid.putObject("ssm");
                o.put("activationCode", ssm.activation().map(SsmActivation::activationCode)
                        .orElse(NodeCredentials.PLACEHOLDER + "_ActivationCode_from_aws_ssm_create-activation"));
                o.put("activationId", ssm.activation().map(SsmActivation::activationId)
                        .orElse(NodeCredentials.PLACEHOLDER + "_ActivationId_from_aws_ssm_create-activation"));
            }
            case NodeCredentials.IamRolesAnywhere ira -> {
                ObjectNode o = hybrid.putObject("iamRolesAnywhere");
                o.put("nodeName", host.name());
                o.put("trustAnchorArn", ira.trustAnchorArn());
                o.put("profileArn", ira.profileArn());
                o.put("roleArn", ira.roleArn());
                o.put("certificatePath", ira.certificatePath());
                o.put("privateKeyPath", ira.privateKeyPath());
            }
        }
        ObjectNode kubelet = s.putObject("kubelet");
        ArrayNode flags = kubelet.putArray("flags");
        kubeletFlags(spec, host).forEach(flags::add);
        return Yaml.write(doc);
    }

    /**
     * --node-ip picks the address the control plane reaches (it must be inside remoteNodeNetworks), and --node-labels
     * sets the site, zone and host labels that CoreDNS spreading, per-site BGP and per-host IP pools select on, so no
     * one has to run kubectl label. The host's own flags come last, as nodeadm appends user flags last.
     */
    public static List<String> kubeletFlags(HybridCluster spec, Host host) {
        Map<String, String> labels = new TreeMap<>(host.labels());
        labels.put(NodeLabels.HOST, host.name());
        labels.put(NodeLabels.SITE, host.site());
        labels.put(NodeLabels.ZONE, site(spec, host).zone());
        StringBuilder l = new StringBuilder("--node-labels=");
        String sep = "";
        for (Map.Entry<String, String> e : labels.entrySet()) {
            l.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        List<String> out = new ArrayList<>();
        out.add("--node-ip=" + host.address());
        out.add(l.toString());
        if (spec.cni().plugin() == Cni.Plugin.CILIUM) {
            // Lifted by cni/install.sh once the node's CiliumNode holds its planned pod block (docs/decisions.md).
            out.add("--register-with-taints=" + POD_BLOCK_TAINT + "=unassigned:NoSchedule");
        }
        out.addAll(host.kubeletFlags());
        return out;
    }

    private static Site site(HybridCluster spec, Host host) {
        return spec.sites().get(host.siteIndex());
    }

    public String installScript(HybridCluster spec, Host host) {
        Credentials.Provider provider = spec.credentials().provider();
        String arch = host.arch() == Host.Arch.ARM64 ? "arm64" : "amd64";
        String assets = spec.cluster().partition().equals("aws-cn") ? "https://eks-hybrid-assets.awsstatic.cn" : "https://hybrid-assets.eks.amazonaws.com";
        StringBuilder sh = new StringBuilder();
        sh.append("#!/usr/bin/env bash\n");
        sh.append("# Joins host ").append(host.name()).append(" (site ").append(host.site()).append(", ").append(host.address())
                .append(") to EKS cluster ").append(spec.name()).append(" as a hybrid node.\n");
        sh.append("# Generated by `hybridctl plan`. Run as root from this directory: sudo ./install.sh\n");
        sh.append("# Idempotent: every step checks whether it is already done, so it is safe to run again.\n");
        sh.append("set -euo pipefail\n");
        sh.append("here=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n\n");
        sh.append("if [ \"$(id -u)\" -ne 0 ]; then echo \"install.sh: nodeadm must run as root: sudo $0\" >&2; exit 1; fi\n");
        sh.append("if grep -q '").append(NodeCredentials.PLACEHOLDER).append("' \"$here/nodeconfig.yaml\"; then\n");
        sh.append("  echo \"install.sh: nodeconfig.yaml still has ").append(NodeCredentials.PLACEHOLDER)
                .append(" placeholders; fill them in (see README.md) or re-run hybridctl plan with the values\" >&2\n");
        sh.append("  exit 1\nfi\n\n");
        sh.append("# 1. nodeadm itself.\n");
        sh.append("if ! command -v nodeadm >/dev/null 2>&1; then\n");
        sh.append("  curl -fsSL --retry 3 -o /usr/local/bin/nodeadm ").append(assets).append("/releases/latest/bin/linux/").append(arch).append("/nodeadm\n");
        sh.append("  chmod 0755 /usr/local/bin/nodeadm\nfi\n\n");
        if (provider == Credentials.Provider.IAM_ROLES_ANYWHERE) {
            sh.append("# 2. The node certificate (CN = ").append(host.name()).append(", the nodeName the role's trust policy checks).\n");
            sh.append("#    Its private key is not in this directory: `hybridctl pki issue` wrote it to pki/nodes/").append(host.name())
                    .append("/server.key on the machine\n#    that ran it; copy it to ").append(NodeCredentials.IamRolesAnywhere.DEFAULT_KEY)
                    .append(" (mode 0600) first, as README.md step 2 shows.\n");
            sh.append("install -d -m 0755 /etc/iam/pki\n");
            sh.append("if [ -f \"$here/server.pem\" ]; then install -m 0644 \"$here/server.pem\" ").append(NodeCredentials.IamRolesAnywhere.DEFAULT_CERTIFICATE).append("; fi\n");
            sh.append("for f in ").append(NodeCredentials.IamRolesAnywhere.DEFAULT_CERTIFICATE).append(' ').append(NodeCredentials.IamRolesAnywhere.DEFAULT_KEY).append("; do\n");
            sh.append("  if [ ! -f \"$f\" ]; then echo \"install.sh: $f is missing; hybridctl pki issues it for ").append(host.name()).append("\" >&2; exit 1; fi\n");
            sh.append("done\n\n");
        }
        sh.append("# 3. Kubernetes components and the credential provider; skipped once nodeadm's tracker exists.\n");
        sh.append("if [ ! -f /opt/nodeadm/tracker ]; then\n");
        // --containerd-source per OS: nodeadm's default (distro) is refused on RHEL, docker on AL2023.
        sh.append("  nodeadm install ").append(spec.cluster().kubernetesVersion()).append(" --credential-provider ").append(provider.nodeadmName())
                .append(" --containerd-source ").append(host.effectiveContainerdSource().id())
                .append(" --region ").append(spec.cluster().region()).append("\nfi\n");
        sh.append("# nodeadm init exits 0 without doing anything when install did not finish, so check the tracker ourselves.\n");
        sh.append("if [ ! -f /opt/nodeadm/tracker ]; then echo \"install.sh: nodeadm install did not complete; see its log above\" >&2; exit 1; fi\n\n");
        sh.append("# 4. The NodeConfig, readable by root only (it may hold an activation code).\n");
        sh.append("install -D -m 0600 \"$here/nodeconfig.yaml\" ").append(CONFIG_ON_HOST).append("\n\n");
        sh.append("# 5. Join. Re-running init is safe; it re-applies the same configuration.\n");
        sh.append("nodeadm init -c file://").append(CONFIG_ON_HOST).append("\n");
        return sh.toString();
    }
}
