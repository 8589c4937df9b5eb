package io.hybridctl.plan.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per consumer: the files it was given and the problems it found. Printed, appended to
 * target/consumer-report.txt (what .ci/run shows), and then asserted empty.
 */
final class ConsumerReport {

    private final String consumer;
    private final List<String> files = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    ConsumerReport(String consumer) {
        this.consumer = consumer;
    }

    void checked(String file) {
        files.add(file);
    }

    void problem(String file, String problem) {
        problems.add(file + ": " + problem);
    }

    void problems(String file, List<String> found) {
        found.forEach(p -> problem(file, p));
    }

    /** Writes the report line and fails with every problem when there is one. */
    void assertClean() {
        String line = String.format("consumer %-28s %4d files checked, %d problems%n", consumer, files.size(), problems.size());
        System.out.print(line);
        problems.forEach(p -> System.out.println("  " + p));
        try {
            Path report = Path.of("target", "consumer-report.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, line + String.join("", problems.stream().map(p -> "  " + p + "\n").toList()),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as(consumer + ": files checked").isNotEmpty();
        assertThat(problems).as(consumer + ": problems").isEmpty();
    }
}
