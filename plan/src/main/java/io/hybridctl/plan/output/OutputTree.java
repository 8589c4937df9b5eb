package io.hybridctl.plan.output;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.RenderedPlan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a rendered plan to out/ all or nothing: everything goes into a temporary directory beside out/, which then
 * replaces out/ by rename. A failure deletes the temporary directory and leaves the previous out/ as it was.
 * out/ is only replaced when it is empty or carries the marker a previous plan left, so a mistyped -o never deletes
 * someone's files.
 */
public final class OutputTree {

    public static final String MARKER = ".hybridctl-plan";
    private static final String MARKER_TEXT = "Written by `hybridctl plan`: this whole directory is replaced on every run.\n";

    /** Modes the process umask would change, found once by creating a probe file. */
    private static final Set<Artifact.Mode> UMASK_STRIPS = probeUmask();

    private OutputTree() {
    }

    private static Set<Artifact.Mode> probeUmask() {
        try {
            Path probe = Files.createTempFile("hybridctl-umask", ".probe",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            try {
                boolean stripped = !PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)).equals("rwxr-xr-x");
                return stripped ? java.util.EnumSet.allOf(Artifact.Mode.class) : java.util.EnumSet.noneOf(Artifact.Mode.class);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.EnumSet.allOf(Artifact.Mode.class);
        }
    }

    public static void write(RenderedPlan plan, Path out) throws OutputException {
        Path target = target(out);
        Path staging = stage(plan, target);
        try {
            swap(staging, target);
        } catch (IOException e) {
            deleteTree(staging);
            throw new OutputException("writing the plan to " + target + " failed (" + reason(e) + "); nothing was changed there");
        }
    }

    static Path target(Path out) throws OutputException {
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new OutputException("cannot write the plan to the file system root; pass a directory such as -o out/");
        }
        return target;
    }

    /** Writes the whole plan into a new directory beside {@code target}; out/ itself is not touched. */
    static Path stage(RenderedPlan plan, Path target) throws OutputException {
        Path parent = target.getParent();
        checkReplaceable(target);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create " + parent + " (" + reason(e) + "); check the path and its permissions");
        }
        Path staging;
        try {
            // 0755: the tree is meant to be read (secrets inside are 0600 files of their own).
            staging = Files.createTempDirectory(parent, stagingPrefix(target),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            if (!UMASK_STRIPS.isEmpty()) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new OutputException("cannot write in " + parent + " (" + reason(e) + "); choose a writable output directory with -o");
        }
        try {
            new Writer(staging).writeAll(plan.artifacts().values());
            create(staging.resolve(MARKER), MARKER_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8), Artifact.Mode.PUBLIC);
            return staging;
        } catch (IOException e) {
            deleteTree(staging);
            throw new OutputException("writing the plan to " + target + " failed (" + reason(e) + "); nothing was changed there");
        }
    }

    /** Names of the directories a plan keeps beside out/ while it runs; one left behind belongs to a killed run. */
    static String stagingPrefix(Path target) {
        return "." + target.getFileName() + ".hybridctl-";
    }

    static String oldPrefix(Path target) {
        return "." + target.getFileName() + ".old-";
    }

    static void checkReplaceable(Path target) throws OutputException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException(target + " exists and is not a directory; pass a directory for the plan with -o");
        }
        if (Files.exists(target.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw new OutputException(target + " is not empty and was not written by hybridctl plan; refusing to replace it. "
                        + "Pass a new or empty directory with -o");
            }
        } catch (IOException e) {
            throw new OutputException(target + " cannot be read (" + reason(e) + ")");
        }
    }

    /** Moves the old tree aside, the new one in, then deletes the old one; the old tree is restored if the move fails. */
    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), oldPrefix(target));
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /**
     * Writes many files fast: each directory is created once, files are written on all cores (their content is
     * fixed, so order does not matter), and the mode is corrected only when the umask removed bits from it.
     */
    private static final class Writer {
        private static final int WRITERS = 8;
        private final Path root;
        private final Set<Path> directories = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Writer(Path root) {
            this.root = root;
        }

        void writeAll(java.util.Collection<Artifact> artifacts) throws IOException {
            for (Artifact a : artifacts) {
                Path dir = root.resolve(a.path()).getParent();
                if (directories.add(dir)) {
                    Files.createDirectories(dir);
                }
            }
            // File creation waits on the file system more than on the CPU, so more writers than cores pay off.
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(WRITERS);
            try {
                pool.submit(() -> artifacts.parallelStream().forEach(a -> {
                    try {
                        createFile(root.resolve(a.path()), a.content(), a.mode());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException u) {
                    throw u.getCause();
                }
                throw new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the plan");
            } finally {
                // a failed write must not race the clean-up of the staging directory: wait for every writer to stop
                pool.shutdownNow();
                try {
                    pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static void create(Path file, byte[] content, Artifact.Mode mode) throws IOException {
        Files.createDirectories(file.getParent());
        createFile(file, content, mode);
    }

    /** Files are created with their final mode, so a secret is never readable by others, not even for an instant. */
    private static void createFile(Path file, byte[] content, Artifact.Mode mode) throws IOException {
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(switch (mode) {
            case PUBLIC -> "rw-r--r--";
            case EXECUTABLE -> "rwxr-xr-x";
            case SECRET -> "rw-------";
        });
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attr)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        // The umask can only remove bits; restore them when it did (a umask of 022 or 077 leaves 0600 intact).
        if (UMASK_STRIPS.contains(mode)) {
            Files.setPosixFilePermissions(file, perms);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary directory is named after out/ and harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }

    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or directory: " + n.getFile();
            case FileAlreadyExistsException f -> "a file is in the way: " + f.getFile();
            case DirectoryNotEmptyException d -> "directory not empty";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
