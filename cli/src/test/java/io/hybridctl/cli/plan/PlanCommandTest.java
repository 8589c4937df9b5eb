package io.hybridctl.cli.plan;

import io.hybridctl.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path example(String name) throws Exception {
        Path repo = Path.of(System.getProperty("hybridctl.repo"));
        Path spec = dir.resolve(name + ".yaml");
        Files.copy(repo.resolve("examples/" + name + ".yaml"), spec);
        return spec;
    }

    @Test
    void writesThePlanAndTheLockNextToTheSpec() throws Exception {
        Path spec = example("lab-calico-static");
        Path out = dir.resolve("out");
        Run r = run("plan", "-f", spec.toString(), "--out-dir", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("cni/calico-values.yaml")).exists();
        assertThat(Files.readString(dir.resolve("hybridctl.lock"))).contains("192.168.32.64/26");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("hybridctl.lock")))).isEqualTo("rw-r--r--");
        Run again = run("plan", "-f", spec.toString(), "--out-dir", out.toString(), "--diff");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 added, 0 changed, 0 removed").contains("unchanged");
    }

    @Test
    void anInvalidSpecWritesNothingAndExitsOne() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, Files.readString(example("lab-cilium-bgp")).replace("address: 192.168.200.12", "address: 10.9.9.9"));
        Path out = dir.resolve("out");
        Run r = run("plan", "-f", spec.toString(), "--out-dir", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error[").contains("nothing was written");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("hybridctl.lock")).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsAClearErrorWithExitTwo() throws Exception {
        Path spec = example("lab-cilium-bgp");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run("plan", "-f", spec.toString(), "--out-dir", file.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hybridctl: ").contains(file.toString()).doesNotContain("Exception");
    }

    @Test
    void theActivationFillsNodeConfigsWrittenPrivatelyAndIsNeverPrinted() throws Exception {
        Path spec = example("lab-cilium-bgp");
        Path activation = Files.writeString(dir.resolve("activation.json"),
                "{\"ActivationCode\": \"Secr3tActivationCode1234\", \"ActivationId\": \"57be8cce-1137-32d4-ce32-ba044ea5df48\"}");
        Path out = dir.resolve("out");
        Run r = run("plan", "-f", spec.toString(), "--out-dir", out.toString(), "--ssm-activation", activation.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path config = out.resolve("nodes/node-01/nodeconfig.yaml");
        assertThat(Files.readString(config)).contains("Secr3tActivationCode1234");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(r.out() + r.err()).doesNotContain("Secr3t");
        Run bad = run("plan", "-f", spec.toString(), "--out-dir", out.toString(), "--ssm-activation", dir.resolve("missing.json").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("missing.json");
    }

    /** Like `kubectl diff`: 1 when there are differences, and a removed host's block is dropped, not "recorded". */
    @Test
    void diffExitsOneOnDifferencesAndSaysWhatHappensToTheLock() throws Exception {
        Path spec = example("lab-calico-static");
        Path out = dir.resolve("out");
        assertThat(run("plan", "-f", spec.toString(), "-o", out.toString()).exit()).isZero();
        String text = Files.readString(spec);
        Files.writeString(spec, text.substring(0, text.indexOf("        - name: node-02")));
        Run diff = run("plan", "-f", spec.toString(), "-o", out.toString(), "--diff");
        assertThat(diff.exit()).as(diff.out() + diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("would drop the pod blocks of 1 removed host(s) (node-02)").doesNotContain("would record");
    }

    @Test
    void stackOutputsFillTheIamRolesAnywhereArnsAndHostsWithoutCertificatesAreWarnedAbout() throws Exception {
        Path repo = Path.of(System.getProperty("hybridctl.repo"));
        Path pki = Files.createDirectories(dir.resolve("pki"));
        Files.copy(repo.resolve("examples/two-site-ira-ca.pem"), pki.resolve("ca.pem"));
        Path spec = dir.resolve("two-site-ira.yaml");
        Files.writeString(spec, Files.readString(repo.resolve("examples/two-site-ira.yaml")).replace("file: two-site-ira-ca.pem", "pki: pki"));
        Path outputs = Files.writeString(dir.resolve("stack-outputs.json"), "{\"Stacks\": [{\"StackName\": \"hybrid-two-site-hybrid\", \"Outputs\": ["
                + "{\"OutputKey\": \"RemoteNodesRoleARN\", \"OutputValue\": \"arn:aws:iam::111122223333:role/nodes\"},"
                + "{\"OutputKey\": \"RemoteNodesAnywhereProfileARN\", \"OutputValue\": \"arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p1\"},"
                + "{\"OutputKey\": \"RemoteNodesTrustAnchorARN\", \"OutputValue\": \"arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/t1\"}]}]}");
        Path out = dir.resolve("out");
        Run r = run("plan", "-f", spec.toString(), "-o", out.toString(), "--stack-outputs", outputs.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String config = Files.readString(out.resolve("nodes/east-01/nodeconfig.yaml"));
        assertThat(config).contains("trust-anchor/t1").contains("profile/p1").contains("role/nodes").doesNotContain("REPLACE_ME");
        assertThat(r.err()).contains("warning: ").contains("host east-01 has no certificate").contains("host west-02 has no certificate");
        Run ssm = run("plan", "-f", example("lab-cilium-bgp").toString(), "-o", dir.resolve("o2").toString(), "--stack-outputs", outputs.toString());
        assertThat(ssm.exit()).isEqualTo(2);
        assertThat(ssm.err()).contains("--stack-outputs").contains("SSM");
    }
}
