package io.hybridctl.spec.load;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.diag.RuleCatalog;
import io.hybridctl.spec.diag.RuleDoc;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: every case's errors and warnings must be exactly the ones a person predicted in its .expect
 * file (listed infos must appear too), with the predicted exit code. Removing any rule breaks at least one case,
 * which {@link #everyCodeIsExercised()} guarantees.
 */
class CorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus");

    record Case(Path spec, int exit, Set<String> codes) {
        static Case read(Path spec) {
            try {
                Path expect = Path.of(spec.toString().replaceAll("\\.yaml$", ".expect"));
                List<String> lines = Files.readAllLines(expect);
                int exit = Integer.parseInt(lines.get(0).replace("exit ", "").strip());
                Set<String> codes = new TreeSet<>(lines.subList(1, lines.size()).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
                return new Case(spec, exit, codes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Case> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Case::read).toList();
        }
    }

    @Test
    void corpusHasAtLeastOneHundredCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseYieldsItsPredictedDiagnostics() throws IOException {
        SpecLoader loader = new SpecLoader();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.spec().getFileName().toString(), () -> {
            LoadResult result = loader.load(c.spec());
            Set<String> loud = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (Diagnostic d : result.diagnostics()) {
                all.add(d.code());
                if (d.severity() != Severity.NOTE) {
                    loud.add(d.code());
                }
                assertThat(d.location().file()).isEqualTo(c.spec().toString());
                assertThat(d.message()).isNotBlank();
                if (d.severity() == Severity.ERROR) {
                    assertThat(d.hint()).as("every error says how to fix it: " + d).isNotBlank();
                }
            }
            Set<String> expectedLoud = new TreeSet<>();
            for (String code : c.codes()) {
                if (RuleCatalog.get().require(code).severity() != Severity.NOTE) {
                    expectedLoud.add(code);
                }
            }
            assertThat(loud).as(describe(result)).isEqualTo(expectedLoud);
            assertThat(all).as(describe(result)).containsAll(c.codes());
            assertThat(result.report().exitCode(false)).as(describe(result)).isEqualTo(c.exit());
        }));
    }

    @Test
    void everyCodeIsExercised() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (Case c : cases()) {
            covered.addAll(c.codes());
        }
        List<String> missing = new ArrayList<>();
        for (RuleDoc doc : RuleCatalog.get().all()) {
            if (!covered.contains(doc.code())) {
                missing.add(doc.code());
            }
        }
        assertThat(missing).as("codes with no corpus case (a rule removed would go unnoticed)").isEmpty();
    }

    private static String describe(LoadResult r) {
        StringBuilder b = new StringBuilder("actual diagnostics:\n");
        r.diagnostics().forEach(d -> b.append("  ").append(d.code()).append(' ').append(d.location()).append(' ').append(d.message()).append('\n'));
        return b.toString();
    }
}
