package io.hybridctl.plan.render.lb;

import io.hybridctl.spec.model.NodeLabels;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.LoadBalancerPool;
import io.hybridctl.plan.render.Yaml;
import io.hybridctl.plan.render.cni.CiliumRenderer;
import io.hybridctl.plan.render.cni.HybridAffinity;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;

import java.util.List;

/** On-prem load balancer pools (MetalLB L2 or Cilium LB IPAM) and, for routable pods, the AWS LB Controller. */
public final class LoadBalancerRenderer {

    public static final String METALLB_NAMESPACE = "metallb-system";

    public List<ObjectNode> pool(HybridCluster spec, LoadBalancerPool pool) {
        if (pool.type() == Site.LoadBalancerType.CILIUM_LB_IPAM) {
            return List.of(new CiliumRenderer().lbPool(spec.cni().version(), pool));
        }
        ObjectNode ip = Yaml.k8s("metallb.io/v1beta1", "IPAddressPool", pool.name(), METALLB_NAMESPACE);
        ObjectNode s = ip.putObject("spec");
        ArrayNode addresses = s.putArray("addresses");
        for (AddressRange r : pool.ranges()) {
            List<Prefix> exact = r.toPrefixes();
            addresses.add(exact.size() == 1 ? exact.get(0).toString() : r.first() + "-" + r.last());
        }
        s.put("autoAssign", true);
        ObjectNode l2 = Yaml.k8s("metallb.io/v1beta1", "L2Advertisement", pool.name(), METALLB_NAMESPACE);
        ObjectNode ls = l2.putObject("spec");
        ls.putArray("ipAddressPools").add(pool.name());
        // Only this site's nodes answer ARP for its addresses: the range lies in this site's node network.
        ls.putArray("nodeSelectors").addObject().putObject("matchLabels").put(NodeLabels.SITE, pool.site());
        return List.of(ip, l2);
    }

    /** AWS Load Balancer Controller Helm values, kept on cloud nodes (its webhook must be reachable either way). */
    public String albcValues(HybridCluster spec) {
        ObjectNode v = Yaml.object();
        v.put("clusterName", spec.name());
        v.put("region", spec.cluster().region());
        v.put("vpcId", spec.vpc() instanceof Vpc.ExistingVpc e ? e.id() : NodeCredentials.PLACEHOLDER + "_VpcId_stack_output");
        ObjectNode sa = v.putObject("serviceAccount");
        sa.put("create", false);
        sa.put("name", "aws-load-balancer-controller");
        v.set("affinity", HybridAffinity.offHybrid());
        return "# helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system -f aws-load-balancer-controller-values.yaml\n"
                + Yaml.write(v);
    }

    public String albcNotes(HybridCluster spec) {
        return "# AWS Load Balancer Controller for " + spec.name() + "\n\n"
                + "Pods on hybrid nodes are routable, so NLB and ALB can target them with target type `ip`.\n\n"
                + "1. Subnet tags (already set on the subnets of `cloudformation/new-vpc.yaml`; add them to an existing VPC):\n"
                + "   - private subnets: `kubernetes.io/role/internal-elb = 1`\n"
                + "   - public subnets: `kubernetes.io/role/elb = 1`\n"
                + "2. IAM policy: the controller's published policy (https://raw.githubusercontent.com/kubernetes-sigs/aws-load-balancer-controller/v2.11.0/docs/install/iam_policy.json):\n\n"
                + "       eksctl utils associate-iam-oidc-provider --cluster " + spec.name() + " --region " + spec.cluster().region() + " --approve\n"
                + "       aws iam create-policy --policy-name AWSLoadBalancerControllerIAMPolicy --policy-document file://iam_policy.json\n"
                + "       eksctl create iamserviceaccount --cluster " + spec.name() + " --region " + spec.cluster().region()
                + " --namespace kube-system --name aws-load-balancer-controller --attach-policy-arn arn:" + spec.cluster().partition()
                + ":iam::<account>:policy/AWSLoadBalancerControllerIAMPolicy --approve\n\n"
                + "3. Install with the values in `aws-load-balancer-controller-values.yaml` (cloud-node affinity, as its webhook must stay reachable).\n"
                + "4. Services: `service.beta.kubernetes.io/aws-load-balancer-type: external`, `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`;\n"
                + "   Ingress: `alb.ingress.kubernetes.io/target-type: ip`, `ingressClassName: alb`.\n";
    }
}
