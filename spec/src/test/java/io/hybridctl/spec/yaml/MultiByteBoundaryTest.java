package io.hybridctl.spec.yaml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of multi-byte character at every offset around the parsers' buffer sizes (SnakeYAML reads 1,024
 * characters at a time; Jackson and the decoder use 4 and 8 KiB), in every place a character can sit: a comment,
 * plain, quoted and block scalars, and a key. SnakeYAML 2.3 crashed when a surrogate pair straddled 1,024.
 */
class MultiByteBoundaryTest {

    /** Two-, three- and four-byte UTF-8, a lone combining mark, a BOM-like zero-width char and a ZWJ emoji sequence. */
    private static final String[] CHARACTERS = {"é", "€", "中", "\uD83D\uDE00", "\uD834\uDD1E", "\u0301", "\uFEFF",
            "\uD83D\uDC69\u200D\uD83D\uDCBB"};

    enum Place { COMMENT, PLAIN, DOUBLE_QUOTED, SINGLE_QUOTED, BLOCK, KEY }

    @Provide
    Arbitrary<Integer> offsets() {
        int[] buffers = {1024, 2048, 4096, 8192};
        return Arbitraries.of(IntStream.of(buffers).flatMap(b -> IntStream.rangeClosed(b - 6, b + 3)).boxed().toList());
    }

    @Provide
    Arbitrary<String> characters() {
        return Arbitraries.of(CHARACTERS);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void readsTheCharacterBackWhereverItFalls(@ForAll("characters") String ch, @ForAll("offsets") int offset, @ForAll Place place)
            throws YamlReadException {
        String head = "kind: HybridCluster\n";
        // Pad so the character's first char lands exactly on `offset` (in UTF-16 units, as the parsers count).
        String yaml = switch (place) {
            case COMMENT -> head + "# " + pad(offset - head.length() - 2) + ch + "\nv: ok\n";
            case PLAIN -> head + "v: " + pad(offset - head.length() - 3) + ch + "\n";
            case DOUBLE_QUOTED -> head + "v: \"" + pad(offset - head.length() - 4) + ch + "\"\n";
            case SINGLE_QUOTED -> head + "v: '" + pad(offset - head.length() - 4) + ch + "'\n";
            case BLOCK -> head + "v: |\n  " + pad(offset - head.length() - 7) + ch + "\n";
            case KEY -> head + "# " + pad(offset - head.length() - 4) + "\nk" + ch + ": ok\n";
        };
        assertThat(yaml.indexOf(ch, head.length())).isEqualTo(offset);

        YamlMap root = (YamlMap) new YamlTreeReader(YamlLimits.DEFAULT).read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).root();

        String expected = switch (place) {
            case COMMENT -> "ok";
            case PLAIN, DOUBLE_QUOTED, SINGLE_QUOTED -> pad(offset - head.length() - (place == Place.PLAIN ? 3 : 4)) + ch;
            case BLOCK -> pad(offset - head.length() - 7) + ch + "\n";
            case KEY -> "ok";
        };
        String key = place == Place.KEY ? "k" + ch : "v";
        assertThat(((YamlScalar) root.get(key).orElseThrow()).text()).isEqualTo(expected);
    }

    /** Filler made of words, so plain scalars stay plain and lines stay readable. */
    private static String pad(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append(s.length() % 8 == 7 ? ' ' : 'x');
        }
        s.setLength(length);
        // A scalar may not end in a space.
        if (length > 0 && s.charAt(length - 1) == ' ') {
            s.setCharAt(length - 1, 'y');
        }
        return s.toString();
    }
}
