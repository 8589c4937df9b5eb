package io.hybridctl.cli.verify;

import io.hybridctl.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("hybridctl.repo", "..")).resolve("examples").resolve(name);
    }

    private static final String BROKEN_SELECTORS = """
            apiVersion: hybridctl.io/v1alpha1
            kind: HybridCluster
            metadata: {name: broken}
            spec:
              cluster: {region: us-west-2, kubernetesVersion: "1.31"}
              vpc: {cidr: 10.250.0.0/16, availabilityZones: [us-west-2a, us-west-2b], vpcGatewayID: tgw-0a1b2c3d4e5f60718}
              credentials: {provider: ssm}
              cni: {plugin: cilium, version: "1.18.3", podRouting: bgp, nodeBlockSize: 26}
              sites:
                - name: lab
                  nodeNetworks: [192.168.200.0/24]
                  podNetworks: [192.168.32.0/23]
                  router: {address: 192.168.200.254, asn: 65432}
                  connection:
                    type: vpn
                    vpnEndpoint: 203.0.113.10
                    selectors: {onPrem: [192.168.200.0/24], cloud: [10.250.0.0/16]}
                  firewall: {present: false}
                  hosts:
                    - {name: node-01, address: 192.168.200.11, os: ubuntu, osVersion: "24.04"}
            """;

    @Test
    void aCorrectDesignPassesWithExitZeroAndATable() {
        Run r = run("verify", "-f", example("unroutable-pods.yaml").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("FLOW", "VERDICT", "node-to-apiserver", "ACCEPTED", "pod-cidr-isolated", "BLOCKED (as required)");
    }

    @Test
    void aBrokenDesignFailsWithTraceExplanationRemediationAndSymptom(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), BROKEN_SELECTORS);
        Run r = run("verify", "-f", spec.toString(), "--allow-invalid");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("VPN_SELECTOR_MISMATCH", "remediation:", "spec.sites[0].connection.selectors", "symptom:", "trace (DENIED_IN)",
                "vpn/lab", "validation error");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonOutputCarriesEveryFinding(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("cluster.yaml"), BROKEN_SELECTORS);
        Run r = run("verify", "-f", spec.toString(), "-o", "json", "--allow-invalid");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("{").contains("\"passed\" : false", "\"code\" : \"VPN_SELECTOR_MISMATCH\"", "\"hops\"");
    }

    @Test
    void oneFlowIsTracedBetweenTwoEndpoints() {
        Run r = run("verify", "-f", example("lab-cilium-bgp.yaml").toString(), "--flow", "apiserver-to-kubelet", "--from", "eni/PrivateRouteTableUSWEST2A",
                "--to", "node-02");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("apiserver-to-kubelet tcp/10250: API server ENI (PrivateRouteTableUSWEST2A) -> host node-02: ACCEPTED",
                "router/lab", "firewall/lab", "(reply)", "PASS");
    }

    @Test
    void usageAndInputErrorsExitTwoWithoutAStackTrace(@TempDir Path dir) {
        Run missing = run("verify", "-f", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");
        Run badFlow = run("verify", "-f", example("lab-cilium-bgp.yaml").toString(), "--flow", "nope", "--from", "a", "--to", "b");
        assertThat(badFlow.exit()).isEqualTo(2);
        assertThat(badFlow.err()).contains("no flow named 'nope'");
        Run badObserved = run("verify", "-f", example("lab-cilium-bgp.yaml").toString(), "--observed", dir.resolve("none").toString());
        assertThat(badObserved.exit()).isEqualTo(2);
        assertThat(badObserved.err()).contains("is not a directory");
        Run badFormat = run("verify", "-f", example("lab-cilium-bgp.yaml").toString(), "-o", "xml");
        assertThat(badFormat.exit()).isEqualTo(2);
    }
}
