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
 * the predicted one), nothing looks like a stack trace, the machine formats stay parseable, findings come errors
 * first, then warnings, then notes, and --min-severity hides what is below it without changing the exit code.
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
                assertThat(severities(format, run.out())).as(format + " order").isSortedAccordingTo(java.util.Comparator.naturalOrder());
                for (String minimum : List.of("warning", "error")) {
                    CliRun filtered = CliRun.of("validate", "-f", spec.toString(), "-o", format, "--min-severity", minimum);
                    assertThat(filtered.exit()).as(format + " --min-severity " + minimum).isEqualTo(expected);
                    List<Integer> shown = severities(format, filtered.out());
                    assertThat(shown).as(format + " --min-severity " + minimum).allMatch(rank -> rank <= (minimum.equals("error") ? 0 : 1));
                    assertThat(shown).as(format + " --min-severity " + minimum + " keeps the rest")
                            .isEqualTo(severities(format, run.out()).stream().filter(rank -> rank <= (minimum.equals("error") ? 0 : 1)).toList());
                }
            }
            if (expected != 2) {
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("validate", "-f", spec.toString(), "-o", "json").out())
                        .get("diagnostics")).isNotEmpty();
            }
        }));
    }

    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("^\\S.*?: (error|warning|note)\\[", java.util.regex.Pattern.MULTILINE);
    private static final java.util.regex.Pattern GITHUB = java.util.regex.Pattern.compile("^::(error|warning|notice) ", java.util.regex.Pattern.MULTILINE);

    /** The severity of each finding as printed, in order: 0 error, 1 warning, 2 note. */
    static List<Integer> severities(String format, String out) throws Exception {
        List<String> labels = new java.util.ArrayList<>();
        switch (format) {
            case "text" -> TEXT.matcher(out).results().forEach(m -> labels.add(m.group(1)));
            case "github" -> GITHUB.matcher(out).results().forEach(m -> labels.add(m.group(1)));
            case "json" -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).get("diagnostics").forEach(d -> labels.add(d.get("severity").asText()));
            case "sarif" -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).at("/runs/0/results").forEach(r -> labels.add(r.get("level").asText()));
            default -> throw new IllegalArgumentException(format);
        }
        return labels.stream().map(l -> switch (l) {
            case "error" -> 0;
            case "warning" -> 1;
            case "note", "notice" -> 2;
            default -> throw new AssertionError("unknown severity word " + l);
        }).toList();
    }
}
