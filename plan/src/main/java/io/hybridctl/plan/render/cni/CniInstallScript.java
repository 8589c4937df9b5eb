package io.hybridctl.plan.render.cni;

import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.plan.ipam.PodBlock;
import io.hybridctl.plan.render.KubeScript;
import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.NodeLabels;

import java.util.List;
import java.util.Set;

/**
 * cni/install.sh: the pinned helm install (upgrade --install, so it can run again), then, once the objects they need
 * exist, each Cilium node's pod block and the BGP resources. Every wait polls for the object first (KubeScript).
 */
public final class CniInstallScript {

    private static final String POD_BLOCK_TAINT = NodeConfigRenderer.POD_BLOCK_TAINT;

    public String render(HybridCluster spec, Allocations allocations, Set<String> artifacts) {
        Cni cni = spec.cni();
        StringBuilder sh = new StringBuilder(KubeScript.prelude("Installs " + (cni.plugin() == Cni.Plugin.CILIUM ? "Cilium" : "Calico") + ' '
                + cni.version() + " on the hybrid nodes of " + spec.name()));
        if (cni.plugin() == Cni.Plugin.CILIUM) {
            sh.append("# AWS supports only its own Cilium builds (networking.md 5.1).\n");
            sh.append("helm upgrade --install cilium oci://public.ecr.aws/eks/cilium/cilium --version ").append(cni.version())
                    .append(" --namespace kube-system --values cilium-values.yaml\n");
            sh.append("# The operator registers Cilium's CRDs when it starts.\n");
            sh.append("wait_for crd/ciliumnodes.cilium.io established 600\n\n");
            podBlocks(sh, allocations);
            if (artifacts.contains(ArtifactPaths.CILIUM_BGP)) {
                sh.append("# BGP peering with the site routers; each kind's CRD is waited for, as the operator registers them one by one.\n");
                for (String crd : List.of("ciliumbgpclusterconfigs", "ciliumbgppeerconfigs", "ciliumbgpadvertisements")) {
                    sh.append("wait_for crd/").append(crd).append(".cilium.io established 600\n");
                }
                sh.append("kubectl apply -f cilium-bgp.yaml\n");
            }
        } else {
            String version = cni.version().startsWith("v") ? cni.version() : "v" + cni.version();
            sh.append("helm repo add projectcalico https://docs.tigera.io/calico/charts --force-update\n");
            sh.append("helm upgrade --install calico projectcalico/tigera-operator --version ").append(version)
                    .append(" --namespace tigera-operator --create-namespace --values calico-values.yaml\n");
            if (artifacts.contains(ArtifactPaths.CALICO_BGP)) {
                sh.append("# BGP resources go through the Calico API server (projectcalico.org/v3), which the operator creates.\n");
                sh.append("wait_for tigerastatus/apiserver Available 900\n");
                sh.append("kubectl apply -f calico-bgp.yaml\n");
            }
        }
        return sh.toString();
    }

    /**
     * Cilium's cluster-pool operator keeps a pod CIDR already in a CiliumNode's spec.ipam.podCIDRs, and the agent
     * leaves it untouched (docs/decisions.md, "Cilium pod blocks"). Hosts register with the pod-block taint, which the
     * agent does not tolerate, so no agent starts, and no block is handed out, before the CiliumNode below exists.
     */
    private static void podBlocks(StringBuilder sh, Allocations allocations) {
        sh.append("# Each node's pod block is the one plan assigned (hybridctl.lock): create its CiliumNode with that block, then\n");
        sh.append("# lift the ").append(POD_BLOCK_TAINT).append(" taint it registered with so the Cilium agent starts on it.\n");
        sh.append("assign_block() {\n");
        sh.append("  local host=\"$1\" block=\"$2\" node uid current\n");
        sh.append("  node=\"$(kubectl get nodes -l ").append(NodeLabels.HOST)
                .append("=\"$host\" -o jsonpath='{.items[*].metadata.name}')\"\n");
        sh.append("  if [ -z \"$node\" ]; then echo \"cni/install.sh: host $host has not joined yet; run this script again once it has\" >&2; return 0; fi\n");
        sh.append("  current=\"$(kubectl get ciliumnode \"$node\" -o jsonpath='{.spec.ipam.podCIDRs[0]}' 2>/dev/null || true)\"\n");
        sh.append("  if [ -z \"$current\" ]; then\n");
        sh.append("    uid=\"$(kubectl get node \"$node\" -o jsonpath='{.metadata.uid}')\"\n");
        sh.append("    printf 'apiVersion: cilium.io/v2\\nkind: CiliumNode\\nmetadata:\\n  name: %s\\n  ownerReferences:\\n")
                .append("  - {apiVersion: v1, kind: Node, name: %s, uid: %s}\\nspec:\\n  ipam:\\n    podCIDRs: [%s]\\n' \\\n");
        sh.append("      \"$node\" \"$node\" \"$uid\" \"$block\" | kubectl apply -f -\n");
        sh.append("  elif [ \"$current\" != \"$block\" ]; then\n");
        sh.append("    echo \"cni/install.sh: node $node (host $host) already has pod block $current, plan assigned $block;\" \\\n");
        sh.append("      \"delete its CiliumNode and restart its cilium pod, or pin $current in hosts[].overrides.podBlock\" >&2\n");
        sh.append("    return 1\n");
        sh.append("  fi\n");
        sh.append("  if [ -n \"$(kubectl get node \"$node\" -o jsonpath='{.spec.taints[?(@.key==\"").append(POD_BLOCK_TAINT).append("\")].key}')\" ]; then\n");
        sh.append("    kubectl taint nodes \"$node\" ").append(POD_BLOCK_TAINT).append("-\n");
        sh.append("  fi\n");
        sh.append("}\n");
        for (PodBlock b : allocations.all()) {
            sh.append("assign_block ").append(b.host()).append(' ').append(b.block()).append('\n');
        }
        sh.append('\n');
    }
}
