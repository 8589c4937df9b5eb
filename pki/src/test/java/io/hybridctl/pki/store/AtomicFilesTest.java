package io.hybridctl.pki.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void secretFilesAre0600AndReplaceAWorldReadableFileWithoutInheritingItsMode() throws Exception {
        Path key = dir.resolve("a/b/server.key");
        Files.createDirectories(key.getParent());
        Files.writeString(key, "old", java.nio.file.StandardOpenOption.CREATE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writeSecret(key, "new");
        assertThat(Files.readString(key)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void createsMissingDirectoriesPrivateAndLeavesNoTemporaryFile() throws Exception {
        Path cert = dir.resolve("pki/nodes/east-01/server.pem");
        AtomicFiles.writePublic(cert, "pem");
        assertThat(Files.getPosixFilePermissions(cert)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(cert.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(cert.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("server.pem");
        }
    }
}
