package io.hybridctl.spec.yaml;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each syntax error is told in the file's terms (never SnakeYAML's "while scanning ..."), at the problem, with a fix. */
class SyntaxExplanationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a:\\n\\tb: 1\\n              | 2 | 1 | tab character | replace the tab at line 2 column 1 with spaces",
            "a:\\n  - x\\n  \\t- y\\n       | 3 | 3 | tab character | replace the tab at line 3 column 3",
            "a: b: c\\n                   | 1 | 5 | ':' where no key can start | quote the value",
            "a: [1, 2\\nb: 3\\n            | 1 | 4 | opened with '[' here is not closed | add the missing ']'",
            "a: {x: 1\\n                   | 1 | 4 | opened with '{' here is not closed | add the missing '}'",
            "a: \"x\\n                     | 1 | 4 | quoted value is never closed | add the closing quote",
            "a:\\n  b: 1\\n c: 2\\n           | 3 | 2 | indentation does not fit | indent this line exactly",
            "a: @x\\n                      | 1 | 4 | cannot begin a plain value | quote the value",
            "a: \"\\\\q\"\\n                   | 1 | 6 | unknown escape sequence | write the backslash twice",
            "a: \\u0001\\n                 | 1 | 4 | control character | UTF-8",
    })
    void explainsInPlainWordsWithAFix(String yaml, int line, int column, String says, String fix) {
        String text = yaml.strip().replace("\\n", "\n").replace("\\t", "\t").replace("\\u0001", "\u0001").replace("\\\\", "\\");
        assertThatThrownBy(() -> new YamlTreeReader(YamlLimits.DEFAULT).read("t.yaml", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(YamlReadException.class, e -> {
                    assertThat(e.code()).isEqualTo(YamlTreeReader.SYNTAX);
                    assertThat(e.getMessage()).contains(says).doesNotContain("while scanning", "while parsing");
                    assertThat(e.hint()).contains(fix);
                    assertThat(e.location().line()).isEqualTo(line);
                    assertThat(e.location().column()).isEqualTo(column);
                });
    }
}
