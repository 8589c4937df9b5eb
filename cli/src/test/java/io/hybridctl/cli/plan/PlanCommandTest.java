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
}
