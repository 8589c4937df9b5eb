package io.hybridctl.spec.yaml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlTreeReaderTest {

    private static YamlTreeReader.Result read(String yaml, YamlLimits limits) throws YamlReadException {
        return new YamlTreeReader(limits).read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsLocationsOfKeysAndValues() throws Exception {
        YamlMap root = (YamlMap) read("a: 1\nb:\n  c: [x, y]\n", YamlLimits.DEFAULT).root();
        assertThat(root.entries().get("b").keyLocation().line()).isEqualTo(2);
        YamlMap b = (YamlMap) root.get("b").orElseThrow();
        YamlList c = (YamlList) b.get("c").orElseThrow();
        assertThat(c.items().get(1).location().line()).isEqualTo(3);
        assertThat(c.items().get(1).location().column()).isEqualTo(10);
    }

    @Test
    void reportsDuplicateKeysWithBothLines() throws Exception {
        var result = read("a: 1\nb: 2\na: 3\n", YamlLimits.DEFAULT);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("SPEC002");
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.message()).contains("first at line 1");
        });
        assertThat(((YamlScalar) ((YamlMap) result.root()).get("a").orElseThrow()).text()).as("the first value is kept").isEqualTo("1");
    }

    @Test
    void resolvesLegitimateAliases() throws Exception {
        YamlMap root = (YamlMap) read("x: &n [10.0.0.0/8]\ny: *n\n", YamlLimits.DEFAULT).root();
        assertThat(root.get("y").orElseThrow()).isSameAs(root.get("x").orElseThrow());
    }

    @Test
    void refusesAliasExpansionBeyondTheBudget() {
        String bomb = "a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
        assertThatThrownBy(() -> read(bomb, new YamlLimits(1 << 20, 64, 1024, 5_000)))
                .isInstanceOf(YamlReadException.class).hasMessageContaining("expands to more than 5000");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThatThrownBy(() -> read(deep, YamlLimits.DEFAULT)).isInstanceOf(YamlReadException.class)
                .satisfies(e -> assertThat(((YamlReadException) e).code()).isEqualTo("SPEC008"));
    }

    @Test
    void refusesHugeScalars() {
        String huge = "a: \"" + "x".repeat(2000) + "\"\n";
        assertThatThrownBy(() -> read(huge, new YamlLimits(1 << 20, 64, 1000, 1000))).isInstanceOf(YamlReadException.class)
                .satisfies(e -> assertThat(((YamlReadException) e).code()).isEqualTo("SPEC008"));
    }

    @Test
    void refusesOversizedDocuments() {
        assertThatThrownBy(() -> read("a: 1\n".repeat(100), new YamlLimits(100, 64, 1000, 1000)))
                .hasMessageContaining("over the limit of 100 bytes");
    }

    @Test
    void syntaxErrorsCarryAPosition() {
        assertThatThrownBy(() -> read("a: [1, 2\nb: 3\n", YamlLimits.DEFAULT)).isInstanceOf(YamlReadException.class)
                .satisfies(e -> {
                    YamlReadException r = (YamlReadException) e;
                    assertThat(r.code()).isEqualTo("SPEC001");
                    assertThat(r.location().line()).isGreaterThan(0);
                });
    }

    @Test
    void resolvesScalarKinds() throws Exception {
        YamlMap root = (YamlMap) read("s: \"8\"\ni: 8\nf: 1.30\nb: true\nn: ~\n", YamlLimits.DEFAULT).root();
        assertThat(((YamlScalar) root.get("s").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(((YamlScalar) root.get("i").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(((YamlScalar) root.get("f").orElseThrow()).text()).as("source text of a float is kept").isEqualTo("1.30");
        assertThat(((YamlScalar) root.get("b").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
        assertThat(((YamlScalar) root.get("n").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.NULL);
    }
}
