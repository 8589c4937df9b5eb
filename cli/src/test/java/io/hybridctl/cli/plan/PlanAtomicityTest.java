package io.hybridctl.cli.plan;

import io.hybridctl.cli.Main;
import io.hybridctl.plan.output.PlanCommit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing or killed plan changes neither hybridctl.lock nor out/, or leaves a state the next run completes. */
class PlanAtomicityTest {

    @TempDir
    Path dir;

    private static final Path REPO = Path.of(System.getProperty("hybridctl.repo"));

    private static int plan(Path spec, Path out) {
        return Main.run(new String[] {"plan", "-f", spec.toString(), "-o", out.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    /** Every corpus case next to a lock holding this cluster's and another cluster's sections. */
    @TestFactory
    Stream<DynamicTest> aPlanThatDoesNotSucceedLeavesTheLockByteIdentical() throws Exception {
        Path corpus = REPO.resolve("spec/src/test/resources/corpus");
        // Cases refer to ../../../../../examples/... : give them the same depth.
        Path caseDir = Files.createDirectories(dir.resolve("a/b/c/d/e"));
        Files.createDirectories(dir.resolve("examples"));
        Files.copy(REPO.resolve("examples/two-site-ira-ca.pem"), dir.resolve("examples/two-site-ira-ca.pem"));
        Path good = caseDir.resolve("good.yaml");
        Files.copy(REPO.resolve("examples/lab-cilium-bgp.yaml"), good);
        assertThat(plan(good, caseDir.resolve("out"))).isZero();
        Path lock = caseDir.resolve("hybridctl.lock");
        Files.writeString(lock, Files.readString(lock).replace("clusters:\n",
                "clusters:\n  someone-else:\n    nodeBlockSize: 26\n    allocations:\n    - host: x\n      site: y\n      block: 10.9.0.0/26\n"));
        byte[] before = Files.readAllBytes(lock);
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus)) {
            cases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(100);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path spec = caseDir.resolve("spec.yaml");
            Files.copy(c, spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(lock, before);
            int exit = plan(spec, caseDir.resolve("out"));
            assertThat(exit).isIn(0, 1, 2);
            if (exit != 0) {
                assertThat(Files.readAllBytes(lock)).as("exit " + exit).isEqualTo(before);
            }
            try (Stream<Path> s = Files.list(caseDir)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("no temporaries left")
                        .allMatch(n -> List.of("good.yaml", "spec.yaml", "hybridctl.lock", "out").contains(n));
            }
        }));
    }

    /** The finding: the lock was written before out/, so a plan refused for its output directory still changed it. */
    @Test
    void aPlanRefusedForItsOutputDirectoryLeavesTheLockAlone() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.copy(REPO.resolve("examples/lab-cilium-bgp.yaml"), spec);
        Path lock = dir.resolve("hybridctl.lock");
        Files.writeString(lock, "apiVersion: hybridctl.io/v1alpha1\nkind: PodBlockLock\nclusters: {}\n");
        byte[] before = Files.readAllBytes(lock);
        Path notOurs = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notOurs.resolve("precious.txt"), "mine");
        assertThat(plan(spec, notOurs)).isEqualTo(2);
        assertThat(Files.readAllBytes(lock)).isEqualTo(before);
    }

    /**
     * SIGKILL at random moments of a plan that changes both the lock and out/ (20 more hosts, or 20 fewer): right
     * after each kill, the lock and out/ name the same hosts (both old or both new), unless a commit journal says
     * the next run completes it; after that run, no staging directory is left.
     */
    @Test
    void aKilledPlanLeavesLockAndOutputBothOldOrBothNew() throws Exception {
        Path small = dir.resolve("small.yaml");
        Path large = dir.resolve("large.yaml");
        generate(20, 10, small);
        generate(20, 11, large);
        Files.writeString(large, Files.readString(large).replace("bench-20x11", "bench-20x10"));
        Path spec = dir.resolve("spec.yaml");
        Path out = dir.resolve("out");
        Path lock = dir.resolve("hybridctl.lock");

        Files.copy(small, spec);
        long start = System.nanoTime();
        assertThat(child(spec, out).waitFor()).isZero();
        long full = System.nanoTime() - start;
        assertThat(hostsInLock(lock)).hasSize(200);

        Random random = new Random(Long.getLong("hybridctl.kill.seed", System.nanoTime()));
        int oldState = 0;
        int newState = 0;
        int journalled = 0;
        int finished = 0;
        for (int i = 0; i < 30; i++) {
            int expectedOld = hostsInLock(lock).size();
            Files.copy(expectedOld == 200 ? large : small, spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Process p = child(spec, out);
            // the kill lands anywhere from JVM start-up to just after a normal run would have finished
            long delay = (long) (full * (0.3 + random.nextDouble() * 1.2));
            if (p.waitFor(delay, TimeUnit.NANOSECONDS)) {
                finished++;
            } else {
                p.destroyForcibly().waitFor();
            }
            Path journal = dir.resolve(".hybridctl.lock.commit");
            if (Files.exists(journal)) {
                journalled++;
                try (PlanCommit recovered = PlanCommit.begin(lock, out)) {
                    assertThat(recovered.notes()).isNotEmpty();
                }
            } else {
                try (PlanCommit c = PlanCommit.begin(lock, out)) {
                    // removes a killed run's staging directory
                }
            }
            List<String> lockHosts = hostsInLock(lock);
            List<String> outHosts = hostsInOut(out);
            assertThat(outHosts).as("run " + i + ": out/ and the lock agree").isEqualTo(lockHosts);
            if (lockHosts.size() == expectedOld) {
                oldState++;
            } else {
                newState++;
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(f -> f.getFileName().toString())).as("run " + i + ": nothing left behind")
                        .containsExactlyInAnyOrder("small.yaml", "large.yaml", "spec.yaml", "hybridctl.lock", "out");
            }
        }
        System.out.printf("kill test: %d old, %d new (%d completed from a journal, %d finished before the kill)%n",
                oldState, newState, journalled, finished);
    }

    private void generate(int sites, int hosts, Path to) throws Exception {
        Process p = new ProcessBuilder("python3", REPO.resolve("bench/generate-spec.py").toString(), "" + sites, "" + hosts)
                .redirectOutput(to.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor()).isZero();
    }

    private Process child(Path spec, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "plan", "-f", spec.toString(), "-o", out.toString()));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> hostsInLock(Path lock) throws Exception {
        Matcher m = Pattern.compile("- host: (\\S+)").matcher(Files.readString(lock));
        List<String> hosts = new ArrayList<>();
        while (m.find()) {
            hosts.add(m.group(1));
        }
        return hosts.stream().sorted().toList();
    }

    private static List<String> hostsInOut(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("nodes"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
