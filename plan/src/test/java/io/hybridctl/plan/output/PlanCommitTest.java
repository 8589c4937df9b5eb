package io.hybridctl.plan.output;

import io.hybridctl.net.Prefix;
import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.LockEntry;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.ipam.LockFileCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCommitTest {

    @TempDir
    Path dir;

    private static final RenderedPlan EXAMPLE = Examples.plan(Examples.repo().resolve("examples/lab-cilium-bgp.yaml"));

    private Path lock() {
        return dir.resolve(LockFile.FILE_NAME);
    }

    private Path out() {
        return dir.resolve("out");
    }

    private static RenderedPlan withLock(RenderedPlan base, String block) throws Exception {
        LockFile l = new LockFile(base.lock().cluster(), Optional.of(26),
                List.of(new LockEntry("h1", "s1", Prefix.parse(block))));
        return new RenderedPlan(base.artifacts(), l, base.intent());
    }

    private static RenderedPlan with(RenderedPlan base, Artifact... extra) {
        TreeMap<String, Artifact> files = new TreeMap<>(base.artifacts());
        for (Artifact a : extra) {
            files.put(a.path(), a);
        }
        return new RenderedPlan(files, base.lock(), base.intent());
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void commit(RenderedPlan plan) throws Exception {
        try (PlanCommit c = PlanCommit.begin(lock(), out())) {
            c.write(plan);
        }
    }

    @Test
    void writesTheTreeAndTheLockAndLeavesNothingElse() throws Exception {
        commit(withLock(EXAMPLE, "10.0.0.0/26"));
        commit(withLock(EXAMPLE, "10.0.0.64/26"));
        assertThat(Files.readString(lock())).contains("10.0.0.64/26").doesNotContain("10.0.0.0/26");
        assertThat(out().resolve("README.md")).exists();
        assertThat(names()).containsExactly("hybridctl.lock", "out");
    }

    @Test
    void aFailedWriteLeavesTheLockByteIdenticalAndTheTreeAsItWas() throws Exception {
        commit(withLock(EXAMPLE, "10.0.0.0/26"));
        byte[] lockBefore = Files.readAllBytes(lock());
        String readmeBefore = Files.readString(out().resolve("README.md"));
        // "README.md/x" cannot be created once README.md is a file: the write fails after many files are written
        RenderedPlan broken = with(withLock(EXAMPLE, "10.0.0.128/26"), Artifact.text("README.md/x", "boom", Artifact.Mode.PUBLIC));
        assertThatThrownBy(() -> commit(broken)).isInstanceOf(OutputException.class).hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(lock())).isEqualTo(lockBefore);
        assertThat(Files.readString(out().resolve("README.md"))).isEqualTo(readmeBefore);
        assertThat(names()).containsExactly("hybridctl.lock", "out");
    }

    @Test
    void aSecondPlanOnTheSameLockFailsClearlyWhileTheFirstRuns() throws Exception {
        try (PlanCommit first = PlanCommit.begin(lock(), out())) {
            assertThatThrownBy(() -> PlanCommit.begin(lock(), dir.resolve("other-out")))
                    .isInstanceOf(OutputException.class).hasMessageContaining("another hybridctl plan is using");
            first.write(withLock(EXAMPLE, "10.0.0.0/26"));
        }
        commit(withLock(EXAMPLE, "10.0.0.64/26"));
        assertThat(Files.readString(lock())).contains("10.0.0.64/26");
    }

    /** The worst moment: the old tree moved aside, the new one not yet in, the lock not yet replaced. */
    @Test
    void aRunKilledBetweenTheTwoRenamesIsCompletedByTheNextRun() throws Exception {
        commit(withLock(EXAMPLE, "10.0.0.0/26"));
        RenderedPlan next = with(withLock(EXAMPLE, "10.0.0.64/26"), Artifact.text("new.txt", "new", Artifact.Mode.PUBLIC));
        Path staging = OutputTree.stage(next, out());
        Path lockNew = PlanCommit.sibling(lock(), PlanCommit.NEW_SUFFIX);
        Files.write(lockNew, LockFileCodec.replacingSection(lock(), next.lock()).orElseThrow());
        Path old = dir.resolve(".out.old-test");
        new PlanCommit.Journal(out(), staging, Optional.of(old), Optional.of(lockNew), lock())
                .store(PlanCommit.sibling(lock(), PlanCommit.JOURNAL_SUFFIX));
        Files.move(out(), old, StandardCopyOption.ATOMIC_MOVE); // ... and the process dies here
        assertThat(out()).doesNotExist();

        try (PlanCommit c = PlanCommit.begin(lock(), out())) {
            assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("completed the plan an interrupted run had committed"));
        }
        assertThat(out().resolve("new.txt")).exists();
        assertThat(Files.readString(lock())).contains("10.0.0.64/26");
        assertThat(names()).containsExactly("hybridctl.lock", "out");
    }

    @Test
    void theTemporariesOfARunKilledBeforeItCommittedAreRemoved() throws Exception {
        commit(withLock(EXAMPLE, "10.0.0.0/26"));
        byte[] lockBefore = Files.readAllBytes(lock());
        Path staging = OutputTree.stage(withLock(EXAMPLE, "10.0.0.64/26"), out());
        Files.createDirectories(dir.resolve(".out.old-abc/x"));
        Files.writeString(PlanCommit.sibling(lock(), PlanCommit.NEW_SUFFIX), "half a lock");
        // killed while writing its journal, before the journal's rename: it never committed
        Files.writeString(PlanCommit.sibling(lock(), PlanCommit.JOURNAL_SUFFIX + ".tmp"), "target=half a journal");
        assertThat(staging).exists();

        try (PlanCommit c = PlanCommit.begin(lock(), out())) {
            assertThat(c.notes()).hasSize(2).allSatisfy(n -> assertThat(n).contains("interrupted before it committed"));
        }
        assertThat(names()).containsExactly("hybridctl.lock", "out");
        assertThat(Files.readAllBytes(lock())).as("an uncommitted run changes nothing").isEqualTo(lockBefore);
    }
}
