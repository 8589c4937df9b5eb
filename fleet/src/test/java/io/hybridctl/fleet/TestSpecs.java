package io.hybridctl.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HybridCluster specs for tests: sites with the given hosts (site i: node network 10.(80+i).0.0/24, host j at
 * .(11+j), Ubuntu 24.04 amd64), SSM or IAM Roles Anywhere with a pki directory. They pass `hybridctl validate`.
 */
public final class TestSpecs {

    private TestSpecs() {
    }

    public static String ssm(String cluster, Map<String, List<String>> sites) {
        return spec(cluster, "  credentials:\n    provider: ssm\n", sites);
    }

    /** @param pkiDir the caBundle.pki path, relative to the spec's directory or absolute */
    public static String ira(String cluster, String pkiDir, Map<String, List<String>> sites) {
        return spec(cluster, "  credentials:\n    provider: iamRolesAnywhere\n    caBundle:\n      pki: " + pkiDir + "\n", sites);
    }

    public static Map<String, List<String>> site(String name, List<String> hosts) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(name, hosts);
        return m;
    }

    /** The address the spec gives host j of site i. */
    public static String address(int site, int host) {
        return "10." + (80 + site) + ".0." + (11 + host);
    }

    /** The body of POST /api/v1/clusters, with the spec written to dir (its relative paths resolve there). */
    public static Map<String, Object> importBody(String spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.yaml"), spec);
        return Map.of("spec", spec, "specDirectory", dir.toAbsolutePath().toString());
    }

    private static String spec(String cluster, String credentials, Map<String, List<String>> sites) {
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: ").append(cluster).append('\n');
        y.append("spec:\n  cluster:\n    region: us-west-2\n    kubernetesVersion: \"1.31\"\n    endpointAccess: public\n");
        y.append("    authenticationMode: API_AND_CONFIG_MAP\n");
        y.append("  vpc:\n    cidr: 10.250.0.0/16\n    availabilityZones: [us-west-2a, us-west-2b]\n    vpcGatewayID: tgw-0a1b2c3d4e5f60718\n");
        y.append(credentials);
        y.append("  cni:\n    plugin: calico\n    version: \"3.29.2\"\n    podRouting: static\n    nodeBlockSize: 26\n");
        y.append("  sites:\n");
        int i = 0;
        for (Map.Entry<String, List<String>> site : sites.entrySet()) {
            y.append("    - name: ").append(site.getKey()).append('\n');
            y.append("      nodeNetworks: [10.").append(80 + i).append(".0.0/24]\n");
            y.append("      podNetworks: [10.").append(100 + i).append(".0.0/16]\n");
            y.append("      router:\n        address: 10.").append(80 + i).append(".0.254\n        asn: ").append(65001 + i).append("\n        kind: vyos\n");
            y.append("      connection:\n        type: vpn\n        vpnEndpoint: 203.0.113.").append(10 + i).append('\n');
            y.append("      hosts:\n");
            int j = 0;
            for (String h : site.getValue()) {
                y.append("        - name: ").append(h).append("\n          address: ").append(address(i, j))
                        .append("\n          os: ubuntu\n          osVersion: \"24.04\"\n");
                j++;
            }
            i++;
        }
        return y.toString();
    }
}
