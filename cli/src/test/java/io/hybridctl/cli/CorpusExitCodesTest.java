package io.hybridctl.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus input through the real command line, in every output format: the exit code is always 0, 1 or 2 (and
 * the predicted one), nothing looks like a stack trace, and the machine formats stay parseable.
 */
class CorpusExitCodesTest {

    @TestFactory
    Stream<DynamicTest> noInputEverEscapesTheDocumentedExitCodes() throws Exception {
        Path corpus = CliRun.repo().resolve("spec/src/test/resources/corpus");
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus)) {
            cases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            int expected = Integer.parseInt(Files.readAllLines(Path.of(spec.toString().replaceAll("\\.yaml$", ".expect"))).get(0).replace("exit ", "").strip());
            for (String format : List.of("text", "json", "sarif", "github")) {
                CliRun run = CliRun.of("validate", "-f", spec.toString(), "-o", format);
                assertThat(run.exit()).as(format + ": " + run.all()).isIn(0, 1, 2).isEqualTo(expected);
                assertThat(run.all()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
                if (!format.equals("text")) {
                    assertThat(run.err()).isEmpty();
                }
            }
            if (expected != 2) {
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("validate", "-f", spec.toString(), "-o", "json").out())
                        .get("diagnostics")).isNotEmpty();
            }
        }));
    }
}
