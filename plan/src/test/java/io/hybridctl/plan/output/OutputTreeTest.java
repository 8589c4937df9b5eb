package io.hybridctl.plan.output;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTreeTest {

    @TempDir
    Path dir;

    private static RenderedPlan example() {
        return Examples.plan(Examples.repo().resolve("examples/lab-cilium-bgp.yaml"));
    }

    private static RenderedPlan with(RenderedPlan base, Artifact... extra) {
        TreeMap<String, Artifact> files = new TreeMap<>(base.artifacts());
        for (Artifact a : extra) {
            files.put(a.path(), a);
        }
        return new RenderedPlan(files, base.lock(), base.intent());
    }

    private long entries(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.count();
        }
    }

    @Test
    void writesEveryArtifactWithItsModeAndReplacesAnEarlierPlanWhole() throws Exception {
        Path out = dir.resolve("out");
        RenderedPlan plan = with(example(), Artifact.text("nodes/x/secret.yaml", "code", Artifact.Mode.SECRET));
        OutputTree.write(plan, out);
        assertThat(Files.readString(out.resolve("eksctl/cluster.yaml"))).isEqualTo(plan.get("eksctl/cluster.yaml").text());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("nodes/x/secret.yaml")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("nodes/node-01/install.sh")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).as("out/ itself").isEqualTo("rwxr-xr-x");
        Files.writeString(out.resolve("stale.txt"), "left from an older plan");
        OutputTree.write(example(), out);
        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(out.resolve("nodes/x")).doesNotExist();
        assertThat(entries(dir)).as("no temporary directories left beside out/").isEqualTo(1);
    }

    @Test
    void aFailureHalfwayLeavesThePreviousOutputUntouched() throws Exception {
        Path out = dir.resolve("out");
        OutputTree.write(example(), out);
        String before = Files.readString(out.resolve("README.md"));
        // "README.md/x" cannot be created once README.md is a file: the write fails after many files are written
        RenderedPlan broken = with(example(), Artifact.text("README.md/x", "boom", Artifact.Mode.PUBLIC),
                Artifact.text("zzz.txt", "after", Artifact.Mode.PUBLIC));
        assertThatThrownBy(() -> OutputTree.write(broken, out)).isInstanceOf(OutputException.class).hasMessageContaining("nothing was changed");
        assertThat(Files.readString(out.resolve("README.md"))).isEqualTo(before);
        assertThat(out.resolve("zzz.txt")).doesNotExist();
        assertThat(entries(dir)).as("temporary directory removed").isEqualTo(1);
    }

    @Test
    void refusesToReplaceADirectoryItDidNotWrite() throws Exception {
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "precious");
        assertThatThrownBy(() -> OutputTree.write(example(), out)).isInstanceOf(OutputException.class).hasMessageContaining("not written by hybridctl plan");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("precious");
    }

    @Test
    void anOutputUnderAFileIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> OutputTree.write(example(), file.resolve("out"))).isInstanceOf(OutputException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void diffReportsChangesWithoutWriting() throws Exception {
        Path out = dir.resolve("out");
        assertThat(PlanDiff.against(example(), out).added()).contains("eksctl/cluster.yaml");
        assertThat(out).doesNotExist();
        OutputTree.write(example(), out);
        assertThat(PlanDiff.against(example(), out).isEmpty()).isTrue();
        Files.writeString(out.resolve("eksctl/cluster.yaml"), "edited\n");
        Files.writeString(out.resolve("extra.txt"), "x");
        PlanDiff.Result d = PlanDiff.against(example(), out);
        assertThat(d.changed()).containsExactly("eksctl/cluster.yaml");
        assertThat(d.removed()).containsExactly("extra.txt");
        assertThat(d.text()).contains("-edited").contains("+apiVersion: eksctl.io/v1alpha5");
        assertThat(Files.readString(out.resolve("eksctl/cluster.yaml"))).isEqualTo("edited\n");
    }
}
