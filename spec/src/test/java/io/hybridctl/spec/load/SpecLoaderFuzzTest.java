package io.hybridctl.spec.load;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

import io.hybridctl.spec.diag.format.ReportFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * In-process fuzzing of what `validate` runs (the loader, every rule, every report format; the command line adds only
 * argument parsing, which costs more than the validation itself): the examples and the bad-input corpus, mutated at
 * the byte, character and line level (multi-byte and surrogate-pair characters, YAML indicators, tabs, spliced and
 * repeated lines, long runs). Every input must get exit 0, 1 or 2, no stack
 * trace and no "internal error", within a deadline. An input that fails is written to target/fuzz-failures/ with the
 * command to keep it; kept inputs live in spec/src/test/resources/fuzz-found/ and are replayed on every run.
 */
class SpecLoaderFuzzTest {

    private static final Path REPO = Path.of(System.getProperty("hybridctl.repo", "..")).toAbsolutePath().normalize();
    private static final List<byte[]> SEEDS = seeds();
    private static final Path WORK;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-validate");
        t.setDaemon(true);
        return t;
    });

    static {
        try {
            // Five levels below the repository, like the corpus, so "../../../../../examples/..." resolves the same.
            WORK = Files.createDirectories(REPO.resolve("spec/target/fuzz/" + ProcessHandle.current().pid() + "/work"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        try {
            collect(seeds);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seeds;
    }

    private static void collect(List<byte[]> seeds) throws IOException {
        for (String dir : List.of("examples", "spec/src/test/resources/corpus", "spec/src/test/resources/fuzz-found")) {
            try (Stream<Path> s = Files.list(REPO.resolve(dir))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    if (Files.isRegularFile(p) && Files.size(p) < 64 << 10) {
                        seeds.add(Files.readAllBytes(p));
                    }
                }
            }
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        RUNNER.shutdownNow();
        try (Stream<Path> s = Files.list(WORK)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(WORK);
    }

    private static final String[] FRAGMENTS = {":", ": ", "- ", "-", "[", "]", "{", "}", ",", "'", "\"", "\t", "\n", "\r\n", "#", "&a ",
            "*a", "!!str ", "|", ">-", "? ", "---\n", "...\n", "%YAML 1.2\n", "\\", "\u0000", "\u0007", "\u001b[2J", "\u0085", "\u2028",
            "\uFEFF", "é", "€", "中", "\uD83D\uDE00", "\uD834\uDD1E", "\uD800", "\uDC00", "0x1F", "1e309", "-0", "~", "null", "yes",
            "10.0.0.0/8", "0.0.0.0/0", "255.255.255.255/33", "::1", "<<: *a\n"};

    @Provide
    Arbitrary<byte[]> mutants() {
        return Arbitraries.randomValue(SpecLoaderFuzzTest::mutate).withoutEdgeCases();
    }

    static byte[] mutate(Random random) {
        String text = new String(SEEDS.get(random.nextInt(SEEDS.size())), StandardCharsets.UTF_8);
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            text = mutateOnce(text, random);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String mutateOnce(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(9)) {
            case 0 -> { // insert a fragment
                return text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
            }
            case 1 -> { // delete a span
                int end = Math.min(text.length(), at + random.nextInt(40));
                return text.substring(0, at) + text.substring(end);
            }
            case 2 -> { // duplicate a span
                int end = Math.min(text.length(), at + random.nextInt(200));
                return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
            case 3 -> { // splice a line from another seed
                String other = new String(SEEDS.get(random.nextInt(SEEDS.size())), StandardCharsets.UTF_8);
                String[] lines = other.split("\n", -1);
                int nl = text.indexOf('\n', at);
                int cut = nl < 0 ? text.length() : nl + 1;
                return text.substring(0, cut) + lines[random.nextInt(lines.length)] + "\n" + text.substring(cut);
            }
            case 4 -> { // a multi-byte character just before a buffer boundary (1,024 / 4,096 / 8,192 chars)
                int[] boundaries = {1023, 1024, 4095, 8191};
                String pad = "#" + "x".repeat(Math.max(0, boundaries[random.nextInt(boundaries.length)] - 1 - random.nextInt(3)));
                String ch = FRAGMENTS[33 + random.nextInt(6)];
                int nl = text.indexOf('\n', at);
                int cut = nl < 0 ? text.length() : nl + 1;
                return text.substring(0, cut) + pad + ch + "\n" + text.substring(cut);
            }
            case 5 -> { // a long run of one character
                return text.substring(0, at) + String.valueOf((char) (32 + random.nextInt(95))).repeat(random.nextInt(5000)) + text.substring(at);
            }
            case 6 -> { // change indentation of a line
                int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                return text.substring(0, start) + (random.nextBoolean() ? " " : "\t") + text.substring(start);
            }
            case 7 -> { // flip a byte-sized char
                if (text.isEmpty()) {
                    return text;
                }
                int i = random.nextInt(text.length());
                return text.substring(0, i) + (char) (text.charAt(i) ^ (1 << random.nextInt(7))) + text.substring(i + 1);
            }
            default -> { // repeat a whole line many times
                int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                int end = text.indexOf('\n', start);
                String line = text.substring(start, end < 0 ? text.length() : end) + "\n";
                return text.substring(0, start) + line.repeat(2 + random.nextInt(300)) + text.substring(start);
            }
        }
    }

    @Property(tries = 20_000, shrinking = ShrinkingMode.OFF)
    void noInputCrashesHangsOrLeaksAStackTrace(@ForAll("mutants") byte[] input, @ForAll("formats") String format) throws Exception {
        check(input, List.of(format));
    }

    /** One format per mutant keeps 20,000 inputs inside the CI budget; kept inputs go through all four. */
    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("text", "json", "sarif", "github");
    }

    private record Outcome(int exit, String text) {
    }

    private static void check(byte[] input, List<String> formats) throws Exception {
        Path file = WORK.resolve("fuzz.yaml");
        Files.write(file, input);
        Future<Outcome> run = RUNNER.submit(() -> {
            LoadResult result = new SpecLoader().load(file);
            StringBuilder all = new StringBuilder();
            for (String format : formats) {
                all.append(ReportFormat.named(format, false).render(result.report()));
            }
            return new Outcome(result.report().exitCode(false), all.toString());
        });
        Outcome r;
        try {
            // generous: the slowest legitimate input here validates in well under a second
            r = run.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail(keep(input, "hang (no answer in 60 s)"));
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            fail(keep(input, "internal error (exit 3):\n" + trace));
            return;
        }
        if (!List.of(0, 1, 2).contains(r.exit()) || r.text().contains("\tat ") || r.text().contains("Exception")) {
            fail(keep(input, "exit " + r.exit() + ":\n" + r.text()));
        }
    }

    private static String keep(byte[] input, String what) {
        try {
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)).substring(0, 16) + ".yaml";
            Path dir = Files.createDirectories(REPO.resolve("spec/target/fuzz-failures"));
            Files.write(dir.resolve(name), input);
            return what + "\nthe input is in spec/target/fuzz-failures/" + name + "; keep it: git mv it to spec/src/test/resources/fuzz-found/";
        } catch (Exception e) {
            return what + " (the input could not be saved: " + e + ")";
        }
    }

    /** Every input that ever failed, replayed first: a fixed bug stays fixed. */
    @Property(tries = 1)
    void everyKeptInputStillPasses() throws Exception {
        try (Stream<Path> s = Files.list(REPO.resolve("spec/src/test/resources/fuzz-found"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList()) {
                check(Files.readAllBytes(p), List.of("text", "json", "sarif", "github"));
            }
        }
        assertThat(REPO.resolve("spec/src/test/resources/fuzz-found")).isDirectory();
    }
}
