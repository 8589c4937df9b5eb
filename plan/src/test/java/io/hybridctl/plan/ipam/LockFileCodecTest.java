package io.hybridctl.plan.ipam;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock is read with the spec's bounded reader: damage and hostile shapes are clear errors, found quickly. */
class LockFileCodecTest {

    private static final String HEAD = "apiVersion: hybridctl.io/v1alpha1\nkind: PodBlockLock\nclusters:\n  c:\n    nodeBlockSize: 26\n";

    @Test
    void aHugeScalarIsRefusedWithoutParsingItWhole() {
        // 40 MB in one value: SnakeYAML alone needs minutes and gigabytes for this
        String lock = HEAD + "    allocations:\n    - host: " + "x".repeat(40 << 20) + "\n";
        assertThatThrownBy(() -> LockFileCodec.parse("hybridctl.lock", lock.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockFileException.class).hasMessageContaining("262144").hasMessageContaining("restore it from version control");
    }

    @Test
    void aDuplicateKeyIsDamageNotALastOneWins() {
        String lock = HEAD + "    allocations: []\n  c:\n    allocations: []\n";
        assertThatThrownBy(() -> LockFileCodec.parse("hybridctl.lock", lock.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LockFileException.class).hasMessageContaining("duplicate key 'c'");
    }

    @Test
    void readsWhatItWritesAndTreatsAnEmptyFileAsNoLock() throws Exception {
        String lock = HEAD + "    allocations:\n    - host: h1\n      site: s\n      block: 10.0.0.0/26\n";
        LockFile read = LockFileCodec.parse("l", lock.getBytes(StandardCharsets.UTF_8)).get("c");
        assertThat(read.nodeBlockSize()).contains(26);
        assertThat(read.allocations()).singleElement().satisfies(e -> assertThat(e.block().toString()).isEqualTo("10.0.0.0/26"));
        assertThat(LockFileCodec.parse("l", LockFileCodec.write(read).getBytes(StandardCharsets.UTF_8))).containsEntry("c", read);
        assertThat(LockFileCodec.parse("l", "# only a comment\n\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
