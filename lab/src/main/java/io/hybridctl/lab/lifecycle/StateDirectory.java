package io.hybridctl.lab.lifecycle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.lab.topology.LabName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lab's files under /run/hybridctl-lab/<lab>/: state.json, daemon configs, logs, pid files and the probe
 * control sockets. /run is a tmpfs, so a reboot (which also removes every namespace) clears it too.
 */
public final class StateDirectory {

    public static final Path DEFAULT_ROOT = Path.of("/run/hybridctl-lab");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public StateDirectory(Path root, LabName lab) {
        this.dir = root.resolve(lab.value());
    }

    public Path dir() {
        return dir;
    }

    public Path stateFile() {
        return dir.resolve("state.json");
    }

    public boolean exists() {
        return Files.exists(dir);
    }

    /** A per-namespace or per-daemon subdirectory, created 0700 (configs may hold BGP passwords one day). */
    public synchronized Path sub(String name) {
        Path sub = dir.resolve(name);
        try {
            if (!Files.isDirectory(sub)) {
                Files.createDirectories(sub, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sub;
    }

    public void create() {
        try {
            Files.createDirectories(dir.getParent());
            // Traversable (not listable) so FRR's daemons, which drop to the frr user, reach their own directory.
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a temporary file and renamed, so a crash never leaves half a state file. */
    public synchronized void write(LabState state) {
        try {
            Path tmp = dir.resolve("state.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<LabState> read() {
        if (!Files.isRegularFile(stateFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(stateFile().toFile(), LabState.class));
        } catch (IOException e) {
            // A torn or foreign file: down still cleans up by prefix.
            return Optional.empty();
        }
    }

    public void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
