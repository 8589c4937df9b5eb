package io.hybridctl.cli.lab;

import io.hybridctl.cli.Main;
import io.hybridctl.lab.host.Preflight;
import io.hybridctl.lab.run.Lab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LabCommandTest {

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String example(String name) {
        return Path.of(System.getProperty("hybridctl.repo", ".."), "examples", name).toString();
    }

    @Test
    void aMissingSpecIsAUsageErrorWithoutAStackTrace() {
        Run r = run("lab", "up", "-f", "/nonexistent/spec.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read /nonexistent/spec.yaml").doesNotContain("Exception");
    }

    @Test
    void aBadLabNameIsAUsageError() {
        Run r = run("lab", "down", "-f", example("lab-cilium-bgp.yaml"), "--name", "Bad_Name");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("lower-case letters or digits");
    }

    @Test
    void testAndFaultRefuseALabThatIsNotUp() {
        Run test = run("lab", "test", "-f", example("lab-cilium-bgp.yaml"), "--name", "tnotup");
        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.err()).contains("lab 'tnotup' is not up").contains("hybridctl lab up");
        Run fault = run("lab", "fault", "speaker", "--host", "node-01", "-f", example("lab-cilium-bgp.yaml"), "--name", "tnotup");
        assertThat(fault.exit()).isEqualTo(1);
    }

    @Test
    void downOfALabThatDoesNotExistSaysSo() {
        Run r = run("lab", "down", "-f", example("lab-cilium-bgp.yaml"), "--name", "tnothing");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("lab tnothing: nothing to remove");
    }

    @Tag("lab")
    @Test
    void labRunOnTheStaticExampleAgreesWithVerifyAndCleansUp() {
        assumeTrue(Preflight.ofThisMachine().problems(Lab.TOOLS).isEmpty(), "needs root and the lab's packages");
        Run r = run("lab", "run", "-f", example("lab-calico-static.yaml"), "--name", "tclirun", "--force");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("verify's static verdicts").containsPattern("\\d+ flows probed in .* 0 disagree")
                .contains("lab run took");
        assertThat(run("lab", "down", "-f", example("lab-calico-static.yaml"), "--name", "tclirun").out())
                .contains("nothing to remove");
    }
}
