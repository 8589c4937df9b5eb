package io.hybridctl.verify;

/**
 * The shape of bench/generate-spec.py, small enough for a unit test: `sites` sites of `hosts` hosts, Cilium with BGP,
 * one VPN per site through a transit gateway, /24 node networks and /23 pod networks laid out contiguously.
 */
final class SyntheticSpec {

    private SyntheticSpec() {
    }

    static String yaml(int sites, int hosts) {
        if (hosts > 8 || sites > 250) {
            throw new IllegalArgumentException("the test address plan holds up to 250 sites of 8 hosts");
        }
        StringBuilder b = new StringBuilder();
        b.append("apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: synthetic-").append(sites).append('x').append(hosts).append('\n');
        b.append("spec:\n  cluster:\n    region: us-west-2\n    kubernetesVersion: \"1.31\"\n    endpointAccess: private\n");
        b.append("    authenticationMode: API\n    serviceCIDR: 172.20.0.0/16\n  vpc:\n    cidr: 172.31.0.0/16\n");
        b.append("    availabilityZones: [us-west-2a, us-west-2b]\n    vpcGatewayID: tgw-0a1b2c3d4e5f60718\n");
        b.append("  credentials:\n    provider: iamRolesAnywhere\n    caBundle:\n      pem: |\n        -----BEGIN CERTIFICATE-----\n");
        b.append("        MIIBsynthetic\n        -----END CERTIFICATE-----\n");
        b.append("  cni:\n    plugin: cilium\n    version: \"1.18.3\"\n    podRouting: bgp\n    nodeBlockSize: 26\n    bgp:\n      asn: 64512\n");
        b.append("  sites:\n");
        for (int s = 0; s < sites; s++) {
            String node = "10.64." + s + ".";
            String pod = "10.128." + (2 * s) + ".0/23";
            b.append("    - name: site-").append(s).append("\n      nodeNetworks: [").append(node).append("0/24]\n");
            b.append("      podNetworks: [").append(pod).append("]\n");
            b.append("      router: {address: ").append(node).append("1, asn: ").append(65000 + s).append("}\n");
            b.append("      connection: {type: vpn, vpnEndpoint: 198.51.100.").append(1 + s).append("}\n      hosts:\n");
            for (int h = 0; h < hosts; h++) {
                b.append("        - {name: s").append(s).append("-h").append(h).append(", address: ").append(node).append(10 + h)
                        .append(", os: ubuntu, osVersion: \"22.04\"}\n");
            }
        }
        return b.toString();
    }
}
