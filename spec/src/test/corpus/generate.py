#!/usr/bin/env python3
"""Authoring aid for the bad-input corpus in ../resources/corpus/.

Each case is a mutation of a known-good example (or raw content) plus the diagnostics a person predicted for it.
The expectations are written here by hand from the rules' documentation, never copied from hybridctl's output.
Files: NNN-name.yaml (the input) and NNN-name.expect (`exit N`, then one `CODE` or `CODE line:col` per line;
the test requires exactly these error/warning codes, and any info codes listed). Re-run after adding cases:
    python3 spec/src/test/corpus/generate.py
"""
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "corpus")
ROOT = os.path.join(HERE, "..", "..", "..", "..")


def example(name):
    text = open(os.path.join(ROOT, "examples", name)).read()
    return "\n".join(l for l in text.splitlines() if not l.startswith("#")) + "\n"


BGP = example("lab-cilium-bgp.yaml")
CALICO = example("lab-calico-static.yaml")
TWO = example("two-site-ira.yaml").replace("file: two-site-ira-ca.pem", "file: ../../../../../examples/two-site-ira-ca.pem")
NONE = example("unroutable-pods.yaml")
EXISTING = BGP.replace("""    cidr: 10.250.0.0/16
    availabilityZones: [us-west-2a, us-west-2b]
    vpcGatewayID: tgw-0a1b2c3d4e5f60718
""", """    id: vpc-0123456789abcdef0
    cidrs: [10.250.0.0/16]
    subnetIDs: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
    routeTableIDs: [rtb-0cccccccccccccccc]
""")
IRA = BGP.replace("    provider: ssm\n", "    provider: iamRolesAnywhere\n    caBundle:\n      file: ../../../../../examples/two-site-ira-ca.pem\n")

cases = []


def case(name, expect, base=None, subs=(), raw=None, exit_code=None):
    if raw is None:
        text = base
        for old, new in subs:
            if text.count(old) != 1:
                raise SystemExit(f"{name}: '{old}' occurs {text.count(old)} times")
            text = text.replace(old, new)
    else:
        text = raw
    codes = expect.split() if isinstance(expect, str) else expect
    if exit_code is None:
        exit_code = 1 if any(not c.startswith(("CTL002", "CTL006", "CTL007", "CTL009", "EKS007", "NODE008", "NODE009", "NODE010", "NODE012",
                                              "DES006", "DES011", "DES013", "DES014", "DES015", "DES016", "DES019", "DES020", "DES022", "NODE014"))
                             for c in codes) else 0
    cases.append((name, text, exit_code, codes))


# ---- unreadable or hostile input: exit 2 -------------------------------------------------------------------------
case("syntax-bad-indent", "SPEC001", raw="apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: x\n bad: 1\n", exit_code=2)
case("syntax-unclosed-quote", "SPEC001", raw='apiVersion: "hybridctl.io/v1alpha1\nkind: HybridCluster\n', exit_code=2)
case("syntax-tab-indent", "SPEC001", raw="apiVersion: hybridctl.io/v1alpha1\nmetadata:\n\tname: x\n", exit_code=2)
case("syntax-two-documents", "SPEC001", raw=BGP + "---\n" + BGP, exit_code=2)
case("syntax-empty-file", "SPEC001", raw="", exit_code=2)
case("syntax-only-comments", "SPEC001", raw="# nothing here\n# at all\n", exit_code=2)
case("syntax-unclosed-flow", "SPEC001", raw="spec: {cluster: [1, 2\n", exit_code=2)
case("syntax-undefined-alias", "SPEC001", raw="apiVersion: *nowhere\n", exit_code=2)
case("syntax-binary-garbage", "SPEC001", raw="\x00\x01\x02\xff\xfe{[}:::\x07", exit_code=2)
laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
prev = "a"
for i, n in enumerate("bcdefghijkl"):
    laughs += f"{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    prev = n
case("hostile-billion-laughs", "SPEC008", raw=laughs, exit_code=2)
case("hostile-deep-lists", "SPEC008", raw="spec: " + "[" * 200 + "]" * 200 + "\n", exit_code=2)
case("hostile-deep-maps", "SPEC008", raw="".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n", exit_code=2)
case("hostile-huge-scalar", "SPEC008", raw="apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: \"" + "x" * 300_000 + "\"\n", exit_code=2)
case("hostile-huge-key", "SPEC008", raw="apiVersion: hybridctl.io/v1alpha1\n" + "k" * 300_000 + ": 1\n", exit_code=2)

# ---- not a HybridCluster document ------------------------------------------------------------------------------
case("doc-scalar", "SPEC004", raw="hello\n")
case("doc-list", "SPEC004", raw="- apiVersion: hybridctl.io/v1alpha1\n")
case("doc-eksctl-config", "SPEC003 SPEC003 SPEC005 SPEC006 SPEC006".split(), raw="apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: x\n  region: us-west-2\nremoteNetworkConfig: {}\n")
case("wrong-api-version", "SPEC005", BGP, [("apiVersion: hybridctl.io/v1alpha1", "apiVersion: hybridctl.io/v1beta1")])
case("wrong-kind", "SPEC005", BGP, [("kind: HybridCluster", "kind: HybridClusterSpec")])
case("merge-key-unsupported", "SPEC003", BGP, [("        - name: node-02\n", "        - <<: {arch: amd64}\n          name: node-02\n")])

# ---- structure -----------------------------------------------------------------------------------------------------
case("unknown-key-typo", "SPEC003 EKS014", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetwork: [192.168.32.0/23]")])
case("unknown-key-host-typo", "SPEC003 SPEC006", BGP, [("          address: 192.168.200.12", "          adress: 192.168.200.12")])
case("unknown-key-misplaced", "SPEC003", BGP, [("        kind: vyos\n", "        kind: vyos\n        hosts: []\n")])
case("unknown-key-top-level", "SPEC003", BGP, [("kind: HybridCluster\n", "kind: HybridCluster\nstatus: {}\n")])
case("unknown-key-cluster", "SPEC003", BGP, [("    endpointAccess: public", "    endpointAcess: public")])
case("duplicate-key-metadata", "SPEC002", BGP, [("  name: hybrid-lab\n", "  name: hybrid-lab\n  name: other\n")])
case("duplicate-key-host", "SPEC002", BGP, [("          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          osVersion: \"24.04\"\n          os: rhel\n          arch: amd64\n        - name: node-02")])
case("wrong-type-node-networks", "SPEC004", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: 192.168.200.0/24")])
case("wrong-type-version-bool", "SPEC004", BGP, [('    kubernetesVersion: "1.31"', "    kubernetesVersion: true")])
case("wrong-type-hold-time-string", "SPEC004", BGP, [("      holdTimeSeconds: 30", "      holdTimeSeconds: \"30\"")])
case("wrong-type-sites-map", "SPEC004", BGP, [("  sites:\n    - name: lab\n", "  sites:\n    lab:\n      name: lab\n")], )
case("wrong-type-labels-list", "SPEC004", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          labels: [a, b]\n        - name: node-02")])
case("wrong-type-firewall-present", "SPEC004", BGP, [("        present: true", "        present: yes")])
case("wrong-type-address-number", "SPEC004", BGP, [("          address: 192.168.200.11", "          address: 3232286731")])
case("wrong-type-spec-list", "SPEC004", raw="apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: x\nspec: []\n")
case("range-asn-negative", "SPEC011", BGP, [("      asn: 65432\n      holdTimeSeconds", "      asn: -1\n      holdTimeSeconds")])
case("range-asn-too-big", "SPEC011", BGP, [("        asn: 65432\n        kind", "        asn: 99999999999\n        kind")])
case("range-block-size", "SPEC011", BGP, [("    nodeBlockSize: 26", "    nodeBlockSize: 40")])
case("range-hold-time", "SPEC011 DES020", BGP, [("      holdTimeSeconds: 30", "      holdTimeSeconds: 2")])
case("enum-pod-routing-case", "SPEC005", BGP, [("    podRouting: bgp", "    podRouting: BGP")])
case("enum-plugin", "SPEC005", BGP, [("    plugin: cilium", "    plugin: flannel")])
case("enum-os", "SPEC005", BGP, [("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          os: debian\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02")])
case("enum-arch", "SPEC005", BGP, [("          arch: amd64\n        - name: node-02", "          arch: x86_64\n        - name: node-02")])
case("enum-auth-lowercase", "SPEC005", BGP, [("    authenticationMode: API_AND_CONFIG_MAP", "    authenticationMode: api")])
case("enum-lb-type", "SPEC005", BGP, [("        type: metallb", "        type: kube-vip")])
case("enum-provider-eksctl-name", "SPEC005", BGP, [("    provider: ssm", "    provider: ira")])
case("missing-metadata-name", "SPEC006", BGP, [("metadata:\n  name: hybrid-lab\n", "metadata: {}\n")])
case("missing-region", "SPEC006", BGP, [("    region: us-west-2\n", "")])
case("missing-credentials", "SPEC006", BGP, [("  credentials:\n    provider: ssm\n", "")])
case("missing-cni-version", "SPEC006", BGP, [('    version: "1.18.3"\n', "")])
case("missing-host-os", "SPEC006", BGP, [("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02")])
case("missing-sites", "SPEC006", raw=BGP[:BGP.index("  sites:")])
case("empty-sites", "SPEC012", raw=BGP[:BGP.index("  sites:")] + "  sites: []\n")
case("empty-node-networks", "SPEC012", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: []")])
case("cidr-host-bits", "SPEC007", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.1/24]")])
case("cidr-no-length", "SPEC007 EKS014", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.168.32.0]")])
case("cidr-ipv6", "SPEC007 EKS014", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [\"fd00:10::/56\"]")])
case("cidr-leading-zero", "SPEC007", BGP, [("    cidr: 10.250.0.0/16", "    cidr: 010.250.0.0/16")])
case("address-out-of-range", "SPEC007", BGP, [("          address: 192.168.200.12", "          address: 192.168.200.300")])
case("address-with-prefix", "SPEC007 DES004", BGP, [("        address: 192.168.200.254", "        address: 192.168.200.254/24")])
case("range-reversed", "SPEC007", BGP, [("192.168.200.201-192.168.200.220", "192.168.200.220-192.168.200.201")])
case("vpc-new-and-existing", "SPEC013 EKS012 EKS008 CTL002", BGP, [("    cidr: 10.250.0.0/16\n", "    cidr: 10.250.0.0/16\n    id: vpc-0123456789abcdef0\n")])
case("vpc-neither", "SPEC006 EKS008", BGP, [("    cidr: 10.250.0.0/16\n    availabilityZones: [us-west-2a, us-west-2b]\n", "")])
case("ca-bundle-two-sources", "SPEC013", IRA, [("      file: ../../../../../examples/two-site-ira-ca.pem\n", "      file: ../../../../../examples/two-site-ira-ca.pem\n      pki: pki\n")])

# ---- EKS API -------------------------------------------------------------------------------------------------------
case("eks-pod-cidr-not-rfc1918-seed-typo", "EKS001", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.16.32.0/23]")])
case("eks-node-cidr-public", "EKS001", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.0/24, 100.64.0.0/24]")])
case("eks-cidr-larger-than-8", "EKS001 EKS002 EKS003", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.0/24, 10.0.0.0/7]")])
case("eks-pod-overlaps-node", "EKS003", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.168.200.0/23]")])
case("eks-node-overlaps-vpc", "EKS003", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.0/24, 10.250.5.0/24]")])
case("eks-pod-overlaps-service", "EKS003", BGP, [("    authenticationMode: API_AND_CONFIG_MAP\n", "    authenticationMode: API_AND_CONFIG_MAP\n    serviceCIDR: 192.168.32.0/24\n")])
case("eks-pod-overlaps-default-service", "EKS003", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [172.20.0.0/23]")])
case("eks-duplicate-node-cidr", "EKS003", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.0/24, 192.168.200.0/24]")])
case("eks-overlap-across-sites", "EKS003", TWO, [("      podNetworks: [10.85.16.0/20]", "      podNetworks: [10.85.8.0/21]")])
case("eks-node-overlap-across-sites", "EKS003 DES002", TWO, [("      nodeNetworks: [10.80.1.0/24]\n      podNetworks: [10.85.16.0/20]\n      router:\n        address: 10.80.1.1", "      nodeNetworks: [10.80.0.0/23]\n      podNetworks: [10.85.16.0/20]\n      router:\n        address: 10.80.0.1")])
sixteen = ", ".join(f"10.1.{2 * i}.0/24" for i in range(16))
case("eks-too-many-node-cidrs", "EKS004", BGP, [("      nodeNetworks: [192.168.200.0/24]", f"      nodeNetworks: [192.168.200.0/24, {sixteen}]")])
many_nodes = ", ".join(f"10.1.{2 * i}.0/24" for i in range(31))
many_pods = ", ".join(f"10.2.{2 * i}.0/24" for i in range(30))
case("eks-too-many-cidrs-and-sg-rules", "EKS004 EKS004 DES014", BGP, [("      nodeNetworks: [192.168.200.0/24]", f"      nodeNetworks: [192.168.200.0/24, {many_nodes}]"),
                                                                   ("      podNetworks: [192.168.32.0/23]", f"      podNetworks: [192.168.32.0/23, {many_pods}]")])
case("eks-ipv6-family", "EKS005", BGP, [("    endpointAccess: public\n", "    endpointAccess: public\n    ipFamily: ipv6\n")])
case("eks-config-map-auth", "EKS006", BGP, [("    authenticationMode: API_AND_CONFIG_MAP", "    authenticationMode: CONFIG_MAP")])
case("eks-public-and-private", "EKS007", BGP, [("    endpointAccess: public", "    endpointAccess: publicAndPrivate")])
case("eks-one-zone", "EKS008", BGP, [("    availabilityZones: [us-west-2a, us-west-2b]", "    availabilityZones: [us-west-2a, us-west-2a]")])
case("eks-zone-other-region", "EKS008", BGP, [("    availabilityZones: [us-west-2a, us-west-2b]", "    availabilityZones: [us-west-2a, us-east-1b]")])
case("eks-existing-one-subnet", "EKS008 CTL006", EXISTING, [("    subnetIDs: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]", "    subnetIDs: [subnet-0aaaaaaaaaaaaaaaa]")])
case("eks-existing-dns-off", "EKS009 CTL006 DES016", EXISTING, [("    routeTableIDs: [rtb-0cccccccccccccccc]\n", "    routeTableIDs: [rtb-0cccccccccccccccc]\n    dnsHostnames: false\n")])
case("eks-region-china", "EKS010 CTL009", BGP, [("    region: us-west-2", "    region: cn-north-1"), ("    availabilityZones: [us-west-2a, us-west-2b]", "    availabilityZones: [cn-north-1a, cn-north-1b]")])
case("eks-region-govcloud", "EKS010", BGP, [("    region: us-west-2", "    region: us-gov-west-1"), ("    availabilityZones: [us-west-2a, us-west-2b]", "    availabilityZones: [us-gov-west-1a, us-gov-west-1b]")])
case("eks-region-typo", "EKS010 EKS008", BGP, [("    region: us-west-2", "    region: us-west2")])
case("eks-service-cidr-public", "EKS011", BGP, [("    authenticationMode: API_AND_CONFIG_MAP\n", "    authenticationMode: API_AND_CONFIG_MAP\n    serviceCIDR: 100.64.0.0/16\n")])
case("eks-service-cidr-too-big", "EKS011 EKS003", BGP, [("    authenticationMode: API_AND_CONFIG_MAP\n", "    authenticationMode: API_AND_CONFIG_MAP\n    serviceCIDR: 10.0.0.0/8\n")])
case("eks-vpc-too-big", "EKS012", BGP, [("    cidr: 10.250.0.0/16", "    cidr: 10.240.0.0/12")])
case("eks-existing-bad-id", "EKS012 CTL006", EXISTING, [("    id: vpc-0123456789abcdef0", "    id: vpc-xyz")])
case("eks-existing-no-cidrs", "EKS012 CTL006", EXISTING, [("    cidrs: [10.250.0.0/16]\n", "")])
case("eks-cluster-name-underscore", "EKS013", BGP, [("  name: hybrid-lab", "  name: hybrid_lab")])
case("eks-routable-without-pod-networks", "EKS014", BGP, [("      podNetworks: [192.168.32.0/23]\n", "")])

# ---- eksctl --------------------------------------------------------------------------------------------------------
case("ctl-gateway-upper-case", "CTL001", BGP, [("    vpcGatewayID: tgw-0a1b2c3d4e5f60718", "    vpcGatewayID: TGW-0a1b2c3d4e5f60718")])
case("ctl-gateway-no-hyphen", "CTL001", BGP, [("    vpcGatewayID: tgw-0a1b2c3d4e5f60718", "    vpcGatewayID: tgw0a1b2c3d4e5f60718")])
case("ctl-gateway-wrong-kind", "CTL001", BGP, [("    vpcGatewayID: tgw-0a1b2c3d4e5f60718", "    vpcGatewayID: igw-0a1b2c3d4e5f60718")])
case("ctl-gateway-existing-vpc", "CTL002 DES016", EXISTING, [("    routeTableIDs: [rtb-0cccccccccccccccc]\n", "    routeTableIDs: [rtb-0cccccccccccccccc]\n    vpcGatewayID: vgw-0123456789abcdef0\n")])
case("ctl-ssm-with-ca-bundle", "CTL003", BGP, [("    provider: ssm\n", "    provider: ssm\n    caBundle:\n      pem: \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"\n")])
case("ctl-ira-without-ca-bundle", "CTL004", BGP, [("    provider: ssm\n", "    provider: iamRolesAnywhere\n")])
case("ctl-role-arn-malformed", "CTL005", BGP, [("    provider: ssm\n", "    provider: ssm\n    roleARN: arn:aws:iam::123:role/x\n")])
case("ctl-role-arn-other-partition", "CTL005", BGP, [("    provider: ssm\n", "    provider: ssm\n    roleARN: arn:aws-cn:iam::123456789012:role/HybridNodes\n")])
case("ctl-no-gateway", "CTL006", BGP, [("    vpcGatewayID: tgw-0a1b2c3d4e5f60718\n", "")])
case("ctl-byo-role", "CTL007 NODE012 DES006 DES015", BGP, [("    provider: ssm\n", "    provider: ssm\n    roleARN: arn:aws:iam::123456789012:role/HybridNodes\n")])
case("ctl-ca-bundle-missing-file", "CTL008", IRA, [("      file: ../../../../../examples/two-site-ira-ca.pem", "      file: no-such-ca.pem")])
case("ctl-ca-bundle-not-pem", "CTL008", IRA, [("      file: ../../../../../examples/two-site-ira-ca.pem", "      pem: not a certificate")])
case("ctl-ca-bundle-pki-missing", "CTL008", IRA, [("      file: ../../../../../examples/two-site-ira-ca.pem", "      pki: no-such-pki-dir")])

# ---- nodeadm and credentials ----------------------------------------------------------------------------------------
case("node-name-too-long", "NODE001", BGP, [("        - name: node-02", "        - name: " + "n" * 65)])
case("node-name-uppercase", "NODE002", BGP, [("        - name: node-02", "        - name: Node_02")])
case("node-name-single-char-ira", "NODE002", IRA, [("        - name: node-02", "        - name: n")])
case("node-name-duplicate", "NODE003", BGP, [("        - name: node-02", "        - name: node-01")])
case("node-ira-on-ubuntu-2004", "NODE004", IRA, [('    version: "1.18.3"', '    version: "1.17.6"'), ("          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          osVersion: \"20.04\"\n          arch: amd64\n        - name: node-02")])
case("node-ira-on-rhel-8", "NODE004", IRA, [('    version: "1.18.3"', '    version: "1.17.6"'), ("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          os: rhel\n          osVersion: \"8.10\"\n          arch: amd64\n        - name: node-02")])
case("node-cilium-118-on-old-kernel", "NODE005", BGP, [("          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          osVersion: \"20.04\"\n          arch: amd64\n        - name: node-02")])
case("node-ubuntu-1804", "NODE006", BGP, [("          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          osVersion: \"18.04\"\n          arch: amd64\n        - name: node-02")])
case("node-rhel-7", "NODE006", BGP, [("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          os: rhel\n          osVersion: \"7.9\"\n          arch: amd64\n        - name: node-02")])
case("node-bottlerocket-too-old", "NODE006 NODE008", BGP, [("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          os: bottlerocket\n          osVersion: \"1.20.0\"\n          arch: amd64\n        - name: node-02")])
case("node-bottlerocket", "NODE008", BGP, [("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02", "          os: bottlerocket\n          osVersion: \"1.38.0\"\n          arch: amd64\n        - name: node-02")])
case("node-k8s-too-old", "NODE007", BGP, [('    kubernetesVersion: "1.31"', '    kubernetesVersion: "1.25"')])
case("node-k8s-future", "NODE007", BGP, [('    kubernetesVersion: "1.31"', '    kubernetesVersion: "1.40"')])
case("node-cilium-unsupported-line", "NODE009", BGP, [('    version: "1.18.3"', '    version: "1.14.5"')])
case("node-calico-unsupported-line", "NODE009", CALICO, [('    version: "3.29.2"', '    version: "3.24.1"')])
case("node-hostname-override", "NODE011", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          overrides:\n            kubeletFlags: [\"--hostname-override=foo\"]\n        - name: node-02")])
case("node-node-ip-flag", "NODE011", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          overrides:\n            kubeletFlags: [\"--node-ip=192.168.200.99\"]\n        - name: node-02")])
hosts = "".join(f"        - {{name: h{i:04d}, address: 10.60.{i // 200}.{10 + i % 200}, os: ubuntu, osVersion: \"22.04\"}}\n" for i in range(1001))
case("node-ssm-over-1000-hosts", "NODE010", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: [192.168.200.0/24, 10.60.0.0/21]"),
                                                 ("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.168.32.0/23, 10.100.0.0/16]"),
                                                 ("    availabilityZones", "    availabilityZones"),
                                                 ("  vpc:\n    cidr: 10.250.0.0/16", "  vpc:\n    cidr: 172.31.0.0/16"),
                                                 ("    authenticationMode: API_AND_CONFIG_MAP\n", "    authenticationMode: API_AND_CONFIG_MAP\n    serviceCIDR: 172.20.0.0/16\n"),
                                                 ("      hosts:\n", "      hosts:\n" + hosts)])

# ---- design --------------------------------------------------------------------------------------------------------
case("des-host-outside-node-network", "DES001", BGP, [("          address: 192.168.200.12", "          address: 192.168.201.12")])
case("des-host-network-address", "DES001", BGP, [("          address: 192.168.200.12", "          address: 192.168.200.0")])
case("des-host-broadcast-address", "DES001", BGP, [("          address: 192.168.200.12", "          address: 192.168.200.255")])
case("des-duplicate-host-address", "DES002", BGP, [("          address: 192.168.200.12", "          address: 192.168.200.11")])
case("des-host-is-router", "DES002", BGP, [("          address: 192.168.200.12", "          address: 192.168.200.254")])
case("des-router-outside", "DES003", BGP, [("        address: 192.168.200.254", "        address: 192.168.201.254")])
case("des-no-router-bgp", "DES004", BGP, [("      router:\n        address: 192.168.200.254\n        asn: 65432\n        kind: vyos\n", "")])
case("des-no-router-static", "DES004", CALICO, [("      router:\n        address: 192.168.200.254\n        asn: 65432\n        kind: vyos\n", "")])
case("des-pod-capacity", "DES005", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.168.32.0/26]")])
case("des-block-too-small-cilium", "DES007", BGP, [("    nodeBlockSize: 26", "    nodeBlockSize: 31")])
case("des-block-too-big-calico", "DES007", CALICO, [("    nodeBlockSize: 26", "    nodeBlockSize: 18")])
case("des-pod-network-smaller-than-block", "DES007 DES005", BGP, [("      podNetworks: [192.168.32.0/23]", "      podNetworks: [192.168.32.0/27]")])
case("des-lb-outside", "DES008", BGP, [("192.168.200.201-192.168.200.220", "192.168.201.201-192.168.201.220")])
case("des-lb-holds-host", "DES009", BGP, [("192.168.200.201-192.168.200.220", "192.168.200.5-192.168.200.20")])
case("des-lb-holds-router", "DES009", BGP, [("192.168.200.201-192.168.200.220", "192.168.200.240-192.168.200.254")])
case("des-lb-ranges-overlap", "DES009", BGP, [("[192.168.200.201-192.168.200.220]", "[192.168.200.201-192.168.200.220, 192.168.200.210/31]")])
case("des-asn-as-trans", "DES010", BGP, [("        asn: 65432\n        kind", "        asn: 23456\n        kind")])
case("des-asn-zero", "DES010", BGP, [("      asn: 65432\n      holdTimeSeconds", "      asn: 0\n      holdTimeSeconds")])
case("des-asn-public", "DES011", BGP, [("      asn: 65432\n      holdTimeSeconds", "      asn: 3356\n      holdTimeSeconds")])
case("des-host-asn-reserved", "DES010", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          overrides:\n            asn: 65535\n        - name: node-02")])
case("des-static-with-cilium", "DES012", BGP, [("    podRouting: bgp", "    podRouting: static")])
case("des-unroutable-pods", "DES013", BGP, [("    podRouting: bgp", "    podRouting: none")])
case("des-pinned-block-wrong-size", "DES017", CALICO, [("          osVersion: \"24.04\"\n        - name: node-02", "          osVersion: \"24.04\"\n          overrides:\n            podBlock: 192.168.32.0/25\n        - name: node-02")])
case("des-pinned-block-outside", "DES017", CALICO, [("          osVersion: \"24.04\"\n        - name: node-02", "          osVersion: \"24.04\"\n          overrides:\n            podBlock: 192.168.40.0/26\n        - name: node-02")])
case("des-pinned-blocks-overlap", "DES017", CALICO, [("          osVersion: \"24.04\"\n        - name: node-02", "          osVersion: \"24.04\"\n          overrides:\n            podBlock: 192.168.32.64/26\n        - name: node-02"),
                                                     ("          address: 192.168.200.12\n          os: ubuntu\n          osVersion: \"24.04\"\n", "          address: 192.168.200.12\n          os: ubuntu\n          osVersion: \"24.04\"\n          overrides:\n            podBlock: 192.168.32.64/26\n")])
case("des-selectors-miss-pods", "DES018", BGP, [("        vpnEndpoint: 203.0.113.10\n", "        vpnEndpoint: 203.0.113.10\n        selectors:\n          onPrem: [192.168.200.0/24]\n")])
case("des-selectors-miss-vpc", "DES018", BGP, [("        vpnEndpoint: 203.0.113.10\n", "        vpnEndpoint: 203.0.113.10\n        selectors:\n          cloud: [10.250.0.0/17]\n")])
case("des-site-without-hosts", "DES019", raw=BGP[:BGP.index("      hosts:")] + "      hosts: []\n")
case("des-keepalive-too-long", "DES020", BGP, [("      keepaliveTimeSeconds: 10", "      keepaliveTimeSeconds: 20")])
case("des-router-timers-differ", "DES020", BGP, [("        kind: vyos\n", "        kind: vyos\n        holdTimeSeconds: 90\n        keepaliveTimeSeconds: 30\n")])
case("des-lb-ipam-with-calico", "DES021", CALICO, [("        type: metallb", "        type: ciliumLBIPAM")])
case("des-lb-ipam-without-bgp", "DES021 DES013", BGP, [("        type: metallb", "        type: ciliumLBIPAM"), ("    podRouting: bgp", "    podRouting: none")])
case("des-vpn-without-endpoint", "DES022", BGP, [("        vpnEndpoint: 203.0.113.10\n", "")])
case("des-direct-connect-selectors", "DES022", BGP, [("        type: vpn\n        vpnEndpoint: 203.0.113.10\n", "        type: directConnect\n        selectors:\n          onPrem: [192.168.200.0/24, 192.168.32.0/23]\n")])
case("des-site-name-invalid", "DES023", BGP, [("    - name: lab\n", "    - name: Lab_1\n")])
case("des-site-name-duplicate", "DES023", TWO, [("    - name: edge-west\n", "    - name: dc-east\n")])
case("des-label-invalid-key", "DES024", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          labels:\n            \"bad key!\": x\n        - name: node-02")])
case("des-label-restricted", "DES024", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          labels:\n            node-role.kubernetes.io/worker: \"\"\n        - name: node-02")])
case("des-label-managed", "DES024", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          labels:\n            topology.kubernetes.io/zone: rack-1\n        - name: node-02")])
case("des-label-value-too-long", "DES024", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          labels:\n            example.com/owner: " + "v" * 64 + "\n        - name: node-02")])

# ---- aggregate: several independent problems in one file, all reported ----------------------------------------------
case("aggregate-many-problems", "SPEC003 EKS006 CTL001 DES001 DES003 NODE007", BGP,
     [("    authenticationMode: API_AND_CONFIG_MAP", "    authenticationMode: CONFIG_MAP"), ('    kubernetesVersion: "1.31"', '    kubernetesVersion: "1.20"'),
      ("    vpcGatewayID: tgw-0a1b2c3d4e5f60718", "    vpcGatewayID: tgw-XYZ"), ("          address: 192.168.200.12", "          address: 192.168.210.12"),
      ("        address: 192.168.200.254", "        address: 192.168.210.254"), ("    endpointAccess: public", "    endpointAcces: public")])

# ---- accepted inputs that look unusual (exit 0) ---------------------------------------------------------------------
case("ok-anchors-for-networks", "NODE012 DES006 DES015", BGP, [("      nodeNetworks: [192.168.200.0/24]", "      nodeNetworks: &lan [192.168.200.0/24]"),
                                                              ("        vpnEndpoint: 203.0.113.10\n", "        vpnEndpoint: 203.0.113.10\n        selectors:\n          onPrem: [192.168.200.0/24, 192.168.32.0/23]\n          cloud: [10.250.0.0/16]\n")], exit_code=0)
case("ok-json-syntax", "NODE012 DES006 DES015", raw=BGP.replace("      hosts:\n", "      hosts:\n        - {\"name\": \"node-03\", \"address\": \"192.168.200.13\", \"os\": \"ubuntu\", \"osVersion\": \"24.04\"}\n"), exit_code=0)
case("ok-version-unquoted", "NODE012 DES006 DES015", BGP, [('    kubernetesVersion: "1.31"', "    kubernetesVersion: 1.31")], exit_code=0)
case("ok-cilium-lbipam-off-the-node-lan", "NODE012 DES006 DES015", BGP,
     [("        type: metallb", "        type: ciliumLBIPAM"), ("192.168.200.201-192.168.200.220", "192.168.201.201-192.168.201.220")], exit_code=0)
case("des-cilium-lbipam-no-router", "DES004 DES021", BGP,
     [("        type: metallb", "        type: ciliumLBIPAM"), ("      router:\n        address: 192.168.200.254\n        asn: 65432\n        kind: vyos\n", "")])

# ---- containerd source per OS (nodeadm install --containerd-source; issue 13) -----------------------------------------
RHEL_HOST = ("          os: ubuntu\n          osVersion: \"24.04\"\n          arch: amd64\n        - name: node-02",
             "          os: rhel\n          osVersion: \"9\"\n          arch: amd64\n        - name: node-02")
case("node-rhel-distro-containerd", "NODE013", BGP, [(RHEL_HOST[0], RHEL_HOST[1].replace("arch: amd64\n", "arch: amd64\n          containerdSource: distro\n"))])
case("node-al2023-docker-containerd", "NODE013", BGP, [(RHEL_HOST[0], RHEL_HOST[1].replace("os: rhel\n          osVersion: \"9\"", "os: al2023\n          osVersion: \"2023\"")
                                                        .replace("arch: amd64\n", "arch: amd64\n          containerdSource: docker\n"))])
case("ok-rhel-default-containerd", "NODE012 DES006 DES015", BGP, [RHEL_HOST], exit_code=0)
case("shape-containerd-source-unknown", "SPEC005", BGP, [(RHEL_HOST[0], RHEL_HOST[0].replace("arch: amd64\n", "arch: amd64\n          containerdSource: yum\n"))])

case("node-register-taints-drop-pod-block", "NODE014", BGP, [("          arch: amd64\n        - name: node-02", "          arch: amd64\n          overrides:\n            kubeletFlags: [\"--register-with-taints=gpu=true:NoSchedule\"]\n        - name: node-02")])

cases = [c for c in cases if c]
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)
for i, (name, text, exit_code, codes) in enumerate(cases, 1):
    base = os.path.join(OUT, f"{i:03d}-{name}")
    with open(base + ".yaml", "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    with open(base + ".expect", "w") as f:
        f.write(f"exit {exit_code}\n")
        for c in sorted(set(codes)):
            f.write(c + "\n")
# A directory where a spec file is expected: unreadable input (exit 2). Git keeps it through a placeholder file.
n = len(cases) + 1
os.makedirs(os.path.join(OUT, f"{n:03d}-directory-not-a-file.yaml"))
open(os.path.join(OUT, f"{n:03d}-directory-not-a-file.yaml", ".gitkeep"), "w").close()
with open(os.path.join(OUT, f"{n:03d}-directory-not-a-file.expect"), "w") as f:
    f.write("exit 2\nSPEC009\n")
print(f"{n} cases written to {os.path.normpath(OUT)}")
