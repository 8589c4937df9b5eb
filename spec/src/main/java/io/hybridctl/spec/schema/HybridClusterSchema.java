package io.hybridctl.spec.schema;

import java.util.List;

import static io.hybridctl.spec.schema.Field.optional;
import static io.hybridctl.spec.schema.Field.required;

/**
 * The one definition of the HybridCluster document. The structural checker, the JSON Schema printed by
 * `hybridctl schema` and docs/spec.md are all derived from it, so they cannot drift apart.
 */
public final class HybridClusterSchema {

    public static final String API_VERSION = "hybridctl.io/v1alpha1";
    public static final String KIND = "HybridCluster";

    private HybridClusterSchema() {
    }

    static final ScalarType ASN = ScalarType.integer(0, 4_294_967_295L);
    static final ScalarType NAME = ScalarType.STRING;

    public static final ObjectType METADATA = new ObjectType("Metadata", "Identifies the cluster.", List.of(
            required("name", NAME, "EKS cluster name. Also used to name generated stacks, roles and files; 1-100 characters, letters, digits and hyphens, starting with a letter.")
                    .withExample("hybrid-lab")));

    public static final ObjectType CLUSTER = new ObjectType("Cluster", "The EKS control plane.", List.of(
            required("region", ScalarType.STRING, "AWS Region of the cluster, e.g. us-west-2. Hybrid nodes are not available in GovCloud or China Regions.")
                    .withExample("us-west-2"),
            optional("partition", ScalarType.oneOf("aws", "aws-us-gov", "aws-cn", "aws-iso", "aws-iso-b"), "AWS partition for ARNs and service principals.")
                    .withDefault("derived from the region"),
            required("kubernetesVersion", ScalarType.VERSION, "Kubernetes minor version of the control plane and of the kubelet nodeadm installs, e.g. \"1.31\". Quote it so YAML keeps it a string.")
                    .withExample("\"1.31\""),
            optional("endpointAccess", ScalarType.oneOf("public", "private", "publicAndPrivate"), "API server endpoint access. Hybrid nodes want public or private, not both: with both, nodes outside the VPC resolve the public IPs.")
                    .withDefault("public"),
            optional("authenticationMode", ScalarType.oneOf("API", "API_AND_CONFIG_MAP", "CONFIG_MAP"), "EKS access mode. Hybrid nodes need API or API_AND_CONFIG_MAP: they join through an access entry of type HYBRID_LINUX.")
                    .withDefault("API_AND_CONFIG_MAP"),
            optional("ipFamily", ScalarType.oneOf("ipv4", "ipv6"), "Cluster IP family. Hybrid nodes support IPv4 only.")
                    .withDefault("ipv4"),
            optional("serviceCIDR", ScalarType.CIDR, "Kubernetes service IPv4 CIDR.")
                    .withDefault("172.20.0.0/16 when the VPC CIDR is inside 10.0.0.0/8, else 10.100.0.0/16 (as EKS does)")));

    public static final ObjectType VPC = new ObjectType("Vpc", "The cluster VPC: either a new one (cidr + availabilityZones) or an existing one (id + cidrs).", List.of(
            optional("cidr", ScalarType.CIDR, "New VPC: its primary IPv4 CIDR.").withExample("10.250.0.0/16"),
            optional("availabilityZones", ListType.of(ScalarType.STRING), "New VPC: the availability zones for the cluster subnets; EKS needs at least 2."),
            optional("id", ScalarType.STRING, "Existing VPC: its id (vpc-...)."),
            optional("cidrs", ListType.of(ScalarType.CIDR), "Existing VPC: every IPv4 CIDR associated with it, secondary ones too; remote networks must not overlap any of them."),
            optional("subnetIDs", ListType.of(ScalarType.STRING), "Existing VPC: the cluster subnet ids (at least 2, in 2 availability zones)."),
            optional("routeTableIDs", ListType.of(ScalarType.STRING), "Existing VPC: the route tables of the cluster subnets, which need routes to the remote networks."),
            optional("vpcGatewayID", ScalarType.STRING, "Transit gateway (tgw-...) or virtual private gateway (vgw-...) that carries traffic to the sites."),
            optional("dnsHostnames", ScalarType.BOOLEAN, "Existing VPC: whether DNS hostnames are enabled (EKS requires it).").withDefault("true"),
            optional("dnsSupport", ScalarType.BOOLEAN, "Existing VPC: whether DNS resolution is enabled (EKS requires it).").withDefault("true")));

    public static final ObjectType CA_BUNDLE = new ObjectType("CaBundle", "Where the IAM Roles Anywhere trust anchor CA comes from; give exactly one source.", List.of(
            optional("file", ScalarType.STRING, "Path to a PEM CA bundle, relative to the spec file."),
            optional("pem", ScalarType.STRING, "The PEM CA bundle inline."),
            optional("pki", ScalarType.STRING, "Directory of a CA made by `hybridctl pki init`, relative to the spec file.")));

    public static final ObjectType CREDENTIALS = new ObjectType("Credentials", "How hybrid nodes get AWS credentials.", List.of(
            required("provider", ScalarType.oneOf("ssm", "iamRolesAnywhere"), "SSM hybrid activations, or IAM Roles Anywhere with X.509 certificates."),
            optional("roleARN", ScalarType.STRING, "Bring your own Hybrid Nodes IAM role instead of generating one."),
            optional("caBundle", CA_BUNDLE, "IAM Roles Anywhere only: the CA that signs node certificates.")));

    public static final ObjectType BGP = new ObjectType("Bgp", "BGP settings of the nodes' speakers (Cilium BGP Control Plane or Calico).", List.of(
            optional("asn", ASN, "Autonomous system number of the nodes. Use a private ASN (64512-65534 or 4200000000-4294967294).").withDefault("64512"),
            optional("holdTimeSeconds", ScalarType.integer(3, 65535), "BGP hold time.").withDefault("90"),
            optional("keepaliveTimeSeconds", ScalarType.integer(1, 65535), "BGP keepalive interval; at most a third of the hold time.").withDefault("30"),
            optional("gracefulRestart", ScalarType.BOOLEAN, "Graceful restart, so an agent restart does not withdraw pod routes.").withDefault("true"),
            optional("restartTimeSeconds", ScalarType.integer(1, 4095), "Graceful restart time.").withDefault("120")));

    public static final ObjectType CNI = new ObjectType("Cni", "The CNI on hybrid nodes and how pod addresses reach the rest of the network.", List.of(
            required("plugin", ScalarType.oneOf("cilium", "calico"), "CNI plugin. The Amazon VPC CNI cannot run on hybrid nodes."),
            required("version", ScalarType.VERSION, "Chart version to pin, e.g. \"1.18.3\" for Cilium or \"3.29.2\" for Calico."),
            optional("podRouting", ScalarType.oneOf("bgp", "static", "none"), "bgp: nodes advertise their pod blocks to the site router; static: fixed per-node blocks with static routes on the router; none: pod CIDRs are not routable and pod traffic leaving a node is masqueraded.")
                    .withDefault("bgp"),
            optional("nodeBlockSize", ScalarType.integer(0, 32), "Prefix length of the pod block each node gets (Cilium clusterPoolIPv4MaskSize, Calico blockSize).")
                    .withDefault("25 for Cilium, 26 for Calico"),
            optional("bgp", BGP, "BGP settings; used when podRouting is bgp or a load balancer is advertised over BGP.")));

    public static final ObjectType ROUTER = new ObjectType("Router", "The site's on-prem router: BGP peer or static-route holder for pod blocks.", List.of(
            required("address", ScalarType.IPV4, "Router address on the node network; nodes peer with it."),
            optional("asn", ASN, "Router ASN. Equal to the nodes' ASN means iBGP with the router as route reflector.").withDefault("cni.bgp.asn"),
            optional("kind", ScalarType.oneOf("frr", "vyos"), "Router software, for the rendered configuration.").withDefault("frr"),
            optional("holdTimeSeconds", ScalarType.integer(3, 65535), "Hold time configured on the router.").withDefault("cni.bgp.holdTimeSeconds"),
            optional("keepaliveTimeSeconds", ScalarType.integer(1, 65535), "Keepalive configured on the router.").withDefault("cni.bgp.keepaliveTimeSeconds")));

    public static final ObjectType SELECTORS = new ObjectType("Selectors", "IPsec phase-2 traffic selectors of the site's tunnel.", List.of(
            optional("onPrem", ListType.of(ScalarType.CIDR), "Local (on-prem) side.").withDefault("the site's node networks, plus its pod networks when pods are routable"),
            optional("cloud", ListType.of(ScalarType.CIDR), "Remote (AWS) side.").withDefault("the VPC CIDRs")));

    public static final ObjectType CONNECTION = new ObjectType("Connection", "How the site reaches the VPC.", List.of(
            optional("type", ScalarType.oneOf("vpn", "directConnect"), "Site-to-Site VPN or Direct Connect.").withDefault("vpn"),
            optional("vpnEndpoint", ScalarType.IPV4, "Public address of the on-prem VPN device (customer gateway)."),
            optional("selectors", SELECTORS, "Override the derived IPsec selectors.")));

    public static final ObjectType LOAD_BALANCER = new ObjectType("LoadBalancer", "On-prem LoadBalancer service addresses.", List.of(
            required("type", ScalarType.oneOf("metallb", "ciliumLBIPAM"), "MetalLB in L2 mode, or Cilium LB IPAM (advertised over BGP)."),
            required("ranges", ListType.of(ScalarType.ADDRESS_RANGE).atLeast(1), "Address ranges on the node network handed to LoadBalancer services.")));

    public static final ObjectType FIREWALL = new ObjectType("Firewall", "The on-prem firewall between the site and the VPN.", List.of(
            optional("present", ScalarType.BOOLEAN, "Whether a firewall sits in the path; when true, plan renders its rules.").withDefault("true")));

    public static final ObjectType OVERRIDES = new ObjectType("HostOverrides", "Per-host exceptions.", List.of(
            optional("podBlock", ScalarType.CIDR, "Pin this host's pod block instead of allocating one."),
            optional("kubeletFlags", ListType.of(ScalarType.STRING), "Extra kubelet flags for this host (nodeadm spec.kubelet.flags)."),
            optional("asn", ASN, "BGP ASN for this host's speaker.")));

    public static final ObjectType HOST = new ObjectType("Host", "A machine that joins as a hybrid node.", List.of(
            required("name", NAME, "Kubernetes node name (and IAM Roles Anywhere session name / certificate CN): lowercase DNS-1123, at most 64 characters."),
            required("address", ScalarType.IPV4, "The node IP (kubelet --node-ip); must lie in the site's node networks."),
            required("os", ScalarType.oneOf("ubuntu", "rhel", "al2023", "bottlerocket"), "Operating system."),
            required("osVersion", ScalarType.VERSION, "OS version, e.g. \"22.04\" or \"9\"."),
            optional("arch", ScalarType.oneOf("amd64", "arm64"), "CPU architecture.").withDefault("amd64"),
            optional("containerdSource", ScalarType.oneOf("none", "distro", "docker"),
                    "Where nodeadm install takes containerd from (--containerd-source); none = already installed.")
                    .withDefault("docker on rhel, distro otherwise"),
            optional("labels", new MapType(ScalarType.STRING), "Extra node labels, set through kubelet --node-labels."),
            optional("overrides", OVERRIDES, "Per-host exceptions.")));

    public static final ObjectType SITE = new ObjectType("Site", "One on-prem location: a hybrid node pool with its own networks and router.", List.of(
            required("name", NAME, "Site name, unique in the cluster; lowercase letters, digits and hyphens."),
            optional("zone", ScalarType.STRING, "Value of topology.kubernetes.io/zone on the site's nodes.").withDefault("the site name"),
            required("nodeNetworks", ListType.of(ScalarType.CIDR).atLeast(1), "On-prem node CIDRs of this site (part of remoteNodeNetworks)."),
            optional("podNetworks", ListType.of(ScalarType.CIDR), "Pod CIDRs of this site (part of remotePodNetworks); each host gets a block from them."),
            optional("router", ROUTER, "The site router; required when podRouting is bgp or static."),
            optional("connection", CONNECTION, "VPN or Direct Connect details."),
            optional("loadBalancer", LOAD_BALANCER, "On-prem load balancer addresses."),
            optional("firewall", FIREWALL, "On-prem firewall."),
            optional("hosts", ListType.of(HOST), "Hosts of this site.")));

    public static final ObjectType SPEC = new ObjectType("HybridClusterSpec", "The whole hybrid cluster.", List.of(
            required("cluster", CLUSTER, "The EKS control plane."),
            required("vpc", VPC, "The cluster VPC."),
            required("credentials", CREDENTIALS, "How hybrid nodes authenticate."),
            required("cni", CNI, "CNI and pod routing."),
            required("sites", ListType.of(SITE).atLeast(1), "On-prem sites. remoteNodeNetworks and remotePodNetworks are derived from them.")));

    public static final ObjectType ROOT = new ObjectType("HybridCluster", "A hybridctl spec.", List.of(
            required("apiVersion", ScalarType.oneOf(API_VERSION), "Always " + API_VERSION + "."),
            required("kind", ScalarType.oneOf(KIND), "Always " + KIND + "."),
            required("metadata", METADATA, "Identifies the cluster."),
            required("spec", SPEC, "The cluster design.")));

    /** Every object type, in document order, for the reference documentation. */
    public static List<ObjectType> objectTypes() {
        return List.of(ROOT, METADATA, SPEC, CLUSTER, VPC, CREDENTIALS, CA_BUNDLE, CNI, BGP, SITE, ROUTER, CONNECTION,
                SELECTORS, LOAD_BALANCER, FIREWALL, HOST, OVERRIDES);
    }
}
