package io.hybridctl.plan;

/** Where each artifact goes under out/. One place, because intent provenance, renderers and the README all name them. */
public final class ArtifactPaths {

    public static final String EKSCTL = "eksctl/cluster.yaml";
    public static final String CFN_NEW_VPC = "cloudformation/new-vpc.yaml";
    public static final String CFN_EXISTING_VPC = "cloudformation/existing-vpc.yaml";
    public static final String CILIUM_VALUES = "cni/cilium-values.yaml";
    public static final String CILIUM_BGP = "cni/cilium-bgp.yaml";
    public static final String CALICO_VALUES = "cni/calico-values.yaml";
    public static final String CALICO_BGP = "cni/calico-bgp.yaml";
    public static final String CALICO_IPPOOLS = "cni/calico-ippools.yaml";
    public static final String CNI_INSTALL = "cni/install.sh";
    public static final String LB_INSTALL = "lb/install.sh";
    public static final String LB_METALLB_VALUES = "lb/metallb-values.yaml";
    public static final String LB_ALBC_VALUES = "lb/aws-load-balancer-controller-values.yaml";
    public static final String LB_ALBC_NOTES = "lb/aws-load-balancer-controller.md";
    public static final String COREDNS_PATCH = "addons/coredns-deployment-patch.yaml";
    public static final String KUBE_DNS_PATCH = "addons/kube-dns-service-patch.yaml";
    public static final String WEBHOOK_PATCH = "addons/webhook-affinity-patch.yaml";
    public static final String README = "README.md";
    public static final String TOPOLOGY = "topology.svg";

    private ArtifactPaths() {
    }

    public static String nodeConfig(String host) {
        return "nodes/" + host + "/nodeconfig.yaml";
    }

    public static String installScript(String host) {
        return "nodes/" + host + "/install.sh";
    }

    public static String nodeCertificate(String host) {
        return "nodes/" + host + "/server.pem";
    }

    public static String frr(String site) {
        return "sites/" + site + "/router/frr.conf";
    }

    public static String vyos(String site) {
        return "sites/" + site + "/router/vyos.commands";
    }

    public static String swanctl(String site) {
        return "sites/" + site + "/vpn/swanctl.conf";
    }

    public static String vpnUpdown(String site) {
        return "sites/" + site + "/vpn/updown.sh";
    }

    public static String vpnStrongswanConf(String site) {
        return "sites/" + site + "/vpn/strongswan-hybridctl.conf";
    }

    public static String firewallMarkdown(String site) {
        return "sites/" + site + "/firewall/rules.md";
    }

    public static String firewallCsv(String site) {
        return "sites/" + site + "/firewall/rules.csv";
    }

    public static String firewallNft(String site) {
        return "sites/" + site + "/firewall/rules.nft";
    }

    public static String loadBalancer(String site) {
        return "lb/" + site + ".yaml";
    }
}
