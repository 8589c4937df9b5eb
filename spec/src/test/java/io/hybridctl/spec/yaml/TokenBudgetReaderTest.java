package io.hybridctl.spec.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBudgetReaderTest {

    @Test
    void refusesToReadFarPastTheLastEvent() throws IOException {
        TokenBudgetReader reader = new TokenBudgetReader("x".repeat(1 << 20), 1000);
        char[] buffer = new char[1024];
        long read = 0;
        try {
            while (reader.read(buffer, 0, buffer.length) > 0) {
                read += 1024;
            }
        } catch (IOException refused) {
            assertThat(reader.tripped()).isTrue();
        }
        assertThat(read).as("stops within the limit plus the parser's look-ahead slack").isLessThan(1000 + (17 << 10));
    }

    @Test
    void anEventResetsTheBudget() throws IOException {
        TokenBudgetReader reader = new TokenBudgetReader("x".repeat(1 << 20), 1000);
        char[] buffer = new char[1024];
        while (reader.read(buffer, 0, buffer.length) > 0) {
            reader.eventSeen();
        }
        assertThat(reader.tripped()).isFalse();
    }

    /**
     * Each huge shape is refused by reading about the limit, not the input: 40 MB here would take minutes and
     * gigabytes if the parser saw it whole (1 MB took 4 s and 0.7 GB before the budget).
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "double", "single", "block", "folded", "comment", "key"})
    void hugeScalarsOfEveryShapeAreRefusedAtTheLimit(String shape) {
        int size = 40 << 20;
        String body = "x".repeat(size);
        String yaml = switch (shape) {
            case "plain" -> "kind: HybridCluster\na: " + body + "\n";
            case "double" -> "kind: HybridCluster\na: \"" + body + "\"\n";
            case "single" -> "kind: HybridCluster\na: '" + body + "'\n";
            case "block" -> "kind: HybridCluster\na: |\n" + ("  " + "x".repeat(78) + "\n").repeat(size / 81);
            case "folded" -> "kind: HybridCluster\na: >-\n" + ("  " + "x".repeat(78) + "\n").repeat(size / 81);
            case "comment" -> "kind: HybridCluster\n# " + body + "\n";
            default -> "kind: HybridCluster\n? " + body + "\n: 1\n";
        };
        assertThatThrownBy(() -> new YamlTreeReader(YamlLimits.DEFAULT).read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(YamlReadException.class)
                .satisfies(e -> {
                    YamlReadException r = (YamlReadException) e;
                    assertThat(r.code()).isEqualTo(YamlTreeReader.LIMIT);
                    assertThat(r.location().line()).as("points at the value before the oversized one").isBetween(1, 2);
                    assertThat(r.getMessage()).contains("262144");
                });
    }
}
