package io.hybridctl.plan;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example's full output is checked in under src/test/resources/golden/<example>/. Any change to any byte fails
 * here; after a deliberate change, regenerate with -Dhybridctl.golden.update=true and review the diff in git.
 */
class GoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("hybridctl.golden.update");

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenOutput() {
        List<Path> examples = Examples.all();
        assertThat(examples).as("examples/*.yaml").isNotEmpty();
        return examples.stream().map(e -> DynamicTest.dynamicTest(Examples.name(e), () -> check(e)));
    }

    private static void check(Path example) throws IOException {
        RenderedPlan plan = Examples.plan(example);
        Path golden = Examples.repo().resolve("plan/src/test/resources/golden").resolve(Examples.name(example));
        if (UPDATE) {
            rewrite(plan, golden);
        }
        assertThat(golden).as("golden output of %s; create it with -Dhybridctl.golden.update=true", example).isDirectory();
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.walk(golden)) {
            s.filter(Files::isRegularFile).forEach(p -> expected.add(golden.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(plan.artifacts().keySet()).as("files of %s", example).containsExactlyElementsOf(expected);
        for (Artifact a : plan.artifacts().values()) {
            assertThat(a.text()).as("%s of %s (regenerate with -Dhybridctl.golden.update=true if intended)", a.path(), example)
                    .isEqualTo(Files.readString(golden.resolve(a.path())));
        }
    }

    @TestFactory
    Stream<DynamicTest> renderingIsByteIdenticalAcrossRuns() {
        return Examples.all().stream().map(e -> DynamicTest.dynamicTest(Examples.name(e), () -> {
            RenderedPlan first = Examples.plan(e);
            RenderedPlan second = Examples.plan(e);
            assertThat(second.artifacts().keySet()).containsExactlyElementsOf(first.artifacts().keySet());
            first.artifacts().forEach((path, a) -> assertThat(second.get(path).content()).as(path).isEqualTo(a.content()));
        }));
    }

    private static void rewrite(RenderedPlan plan, Path golden) throws IOException {
        if (Files.exists(golden)) {
            try (Stream<Path> s = Files.walk(golden)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Artifact a : plan.artifacts().values()) {
            Path f = golden.resolve(a.path());
            Files.createDirectories(f.getParent());
            Files.write(f, a.content());
        }
    }
}
