package io.hybridctl.plan.render.addons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.render.Yaml;
import io.hybridctl.plan.render.cni.HybridAffinity;
import io.hybridctl.spec.compat.Versions;

/** Add-on placement for mixed clusters (networking.md §6.2, §6.3). */
public final class AddonRenderer {

    /** Strategic-merge patch for deployment/coredns: spread replicas across nodes and zones (cloud and each site). */
    public String coreDnsPatch() {
        ObjectNode patch = Yaml.object();
        ObjectNode anti = patch.putObject("spec").putObject("template").putObject("spec").putObject("affinity").putObject("podAntiAffinity");
        ArrayNode preferred = anti.putArray("preferredDuringSchedulingIgnoredDuringExecution");
        term(preferred, 100, "kubernetes.io/hostname");
        term(preferred, 50, "topology.kubernetes.io/zone");
        return "# kubectl -n kube-system patch deployment coredns --patch-file coredns-deployment-patch.yaml\n" + Yaml.write(patch);
    }

    private static void term(ArrayNode preferred, int weight, String topologyKey) {
        ObjectNode t = preferred.addObject();
        t.put("weight", weight);
        ObjectNode pat = t.putObject("podAffinityTerm");
        ObjectNode expr = pat.putObject("labelSelector").putArray("matchExpressions").addObject();
        expr.put("key", "k8s-app");
        expr.put("operator", "In");
        expr.putArray("values").add("kube-dns");
        pat.put("topologyKey", topologyKey);
    }

    /**
     * Keeps DNS answers in the caller's zone, so hybrid pods use the CoreDNS replica of their site. Service Traffic
     * Distribution is on by default from Kubernetes 1.31; in 1.30 the field is alpha behind a gate EKS leaves off, and
     * the API server drops it silently, so 1.30 gets Topology Aware Routing's annotation instead (networking.md 6.2).
     */
    public String kubeDnsPatch(String kubernetesVersion) {
        ObjectNode patch = Yaml.object();
        if (Versions.compare(kubernetesVersion, "1.31") >= 0) {
            patch.putObject("spec").put("trafficDistribution", "PreferClose");
        } else {
            patch.putObject("metadata").putObject("annotations").put("service.kubernetes.io/topology-mode", "Auto");
        }
        return "# kubectl -n kube-system patch service kube-dns --patch-file kube-dns-service-patch.yaml\n" + Yaml.write(patch);
    }

    /** With unroutable pods the control plane cannot reach webhooks on hybrid nodes: pin them to cloud nodes. */
    public String webhookPatch() {
        ObjectNode patch = Yaml.object();
        patch.putObject("spec").putObject("template").putObject("spec").set("affinity", HybridAffinity.offHybrid());
        return "# Pod networks are not routable, so the EKS control plane cannot call webhooks on hybrid nodes.\n"
                + "# Apply to every webhook deployment, e.g.:\n"
                + "#   kubectl -n kube-system patch deployment aws-load-balancer-controller --patch-file webhook-affinity-patch.yaml\n"
                + "#   kubectl -n amazon-cloudwatch patch deployment amazon-cloudwatch-observability-controller-manager --patch-file webhook-affinity-patch.yaml\n"
                + "#   kubectl -n opentelemetry-operator-system patch deployment opentelemetry-operator --patch-file webhook-affinity-patch.yaml\n"
                + "#   kubectl -n cert-manager patch deployment cert-manager --patch-file webhook-affinity-patch.yaml\n"
                + "#   kubectl -n cert-manager patch deployment cert-manager-webhook --patch-file webhook-affinity-patch.yaml\n"
                + "#   kubectl -n cert-manager patch deployment cert-manager-cainjector --patch-file webhook-affinity-patch.yaml\n"
                + Yaml.write(patch);
    }
}
