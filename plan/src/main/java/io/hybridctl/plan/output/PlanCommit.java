package io.hybridctl.plan.output;

import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.LockFileCodec;
import io.hybridctl.plan.ipam.LockFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Replaces out/ and hybridctl.lock together, or neither. The lock is held for the whole run (from reading the lock
 * to the last rename), so two plans sharing a lock cannot both read the old one and each drop the other's section.
 *
 * <p>The commit is a journal beside the lock: the new tree and the new lock are fully written under temporary names,
 * then a journal naming them is renamed into place (the commit point), then the renames it lists are done and the
 * journal deleted. A run killed before the journal leaves only temporaries, which the next run deletes; a run killed
 * after it is rolled forward by the next run, so lock and out/ are always both old or both new once a plan has run.
 */
public final class PlanCommit implements AutoCloseable {

    static final String JOURNAL_SUFFIX = ".commit";
    private static final String GUARD_SUFFIX = ".guard";
    static final String NEW_SUFFIX = ".new";

    private final Path lockFile;
    private final Path target;
    private final Path guardFile;
    private final FileChannel guardChannel;
    private final FileLock guard;
    private final List<String> notes = new ArrayList<>();

    private PlanCommit(Path lockFile, Path target, Path guardFile, FileChannel guardChannel, FileLock guard) {
        this.lockFile = lockFile;
        this.target = target;
        this.guardFile = guardFile;
        this.guardChannel = guardChannel;
        this.guard = guard;
    }

    /**
     * Takes the lock's guard (failing at once if another plan holds it), completes or discards what an interrupted
     * run left, and returns the commit to write through. {@link #notes()} says what was repaired.
     */
    public static PlanCommit begin(Path lockFile, Path out) throws OutputException {
        Path lock = lockFile.toAbsolutePath().normalize();
        Path target = OutputTree.target(out);
        Path guardFile = sibling(lock, GUARD_SUFFIX);
        FileChannel channel = null;
        FileLock held = null;
        // The guard file is deleted when a plan ends, so a lock taken on a file someone just deleted guards nothing:
        // after locking, check that the path still names the locked file, and start again if not.
        for (int attempt = 0; attempt < 10 && held == null; attempt++) {
            try {
                channel = FileChannel.open(guardFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new OutputException("cannot create " + guardFile + " (" + OutputTree.reason(e)
                        + "); the directory of the spec (and of hybridctl.lock) must be writable");
            }
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new OutputException("cannot lock " + guardFile + " (" + OutputTree.reason(e) + ")");
            }
            if (held == null) {
                closeQuietly(channel);
                throw new OutputException("another hybridctl plan is using " + lock + " right now; nothing was written. "
                        + "Run plan again when it has finished (plans sharing a lock run one at a time)");
            }
            if (!sameFile(channel, guardFile)) {
                closeQuietly(channel);
                held = null;
            }
        }
        if (held == null) {
            throw new OutputException("cannot take the guard " + guardFile + ": other plans keep replacing it; run plan again");
        }
        PlanCommit commit = new PlanCommit(lock, target, guardFile, channel, held);
        try {
            commit.recover();
        } catch (OutputException e) {
            commit.close();
            throw e;
        }
        return commit;
    }

    /** What {@link #begin} repaired: an interrupted commit completed, or a killed run's temporaries deleted. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Writes out/ and this cluster's lock section; on any failure both are left exactly as they were. */
    public void write(RenderedPlan plan) throws OutputException {
        Optional<byte[]> newLock;
        try {
            newLock = LockFileCodec.replacingSection(lockFile, plan.lock());
        } catch (LockFileException e) {
            throw new OutputException(e.getMessage());
        } catch (IOException e) {
            throw new OutputException("cannot read " + lockFile + " (" + OutputTree.reason(e) + ")");
        }
        Path staging = OutputTree.stage(plan, target);
        Path lockNew = sibling(lockFile, NEW_SUFFIX);
        Path journal = sibling(lockFile, JOURNAL_SUFFIX);
        Journal j;
        try {
            if (newLock.isPresent()) {
                writeDurably(lockNew, newLock.get());
            }
            Path old = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    ? target.resolveSibling(OutputTree.oldPrefix(target) + Long.toUnsignedString(System.nanoTime(), 36)) : null;
            j = new Journal(target, staging, Optional.ofNullable(old), newLock.isPresent() ? Optional.of(lockNew) : Optional.empty(), lockFile);
            j.store(journal);
        } catch (IOException e) {
            OutputTree.deleteTree(staging);
            deleteQuietly(lockNew);
            deleteQuietly(journal);
            throw new OutputException("writing the plan failed (" + OutputTree.reason(e) + "); " + target + " and " + lockFile
                    + " were not changed");
        }
        try {
            j.rollForward();
        } catch (IOException e) {
            if (j.rollBack()) {
                deleteQuietly(journal);
                throw new OutputException("replacing " + target + " failed (" + OutputTree.reason(e) + "); " + target + " and "
                        + lockFile + " were not changed");
            }
            throw new OutputException("replacing " + target + " and " + lockFile + " stopped half-way (" + OutputTree.reason(e)
                    + "); run plan again to complete it (" + journal + " records what is left to do)");
        }
        deleteQuietly(journal);
    }

    private void recover() throws OutputException {
        Path journal = sibling(lockFile, JOURNAL_SUFFIX);
        if (Files.exists(journal)) {
            try {
                Journal j = Journal.load(journal);
                j.rollForward();
                Files.delete(journal);
                notes.add("completed the plan an interrupted run had committed: " + j.target + " and " + j.lock + " are now its output");
            } catch (IOException | IllegalArgumentException e) {
                throw new OutputException(journal + " records an interrupted plan that cannot be completed (" + e.getMessage()
                        + "); check " + target + " and " + lockFile + " (git diff), then delete " + journal);
            }
        }
        deleteQuietly(sibling(lockFile, NEW_SUFFIX));
        // a run killed while writing its journal leaves the journal's temporary: it never committed, so it goes
        deleteQuietly(journalTemporary(journal));
        Path parent = target.getParent();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent,
                    p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(OutputTree.stagingPrefix(target)) || name.startsWith(OutputTree.oldPrefix(target));
                    })) {
                for (Path p : leftovers) {
                    OutputTree.deleteTree(p);
                    notes.add("removed " + p + ", left by a plan that was interrupted before it committed");
                }
            } catch (IOException e) {
                // leftovers are harmless; the next run tries again
            }
        }
    }

    /** Marks the locked file with a token of this run and reads the path back: the same token means the same file. */
    private static boolean sameFile(FileChannel channel, Path path) {
        String token = ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
            return Files.readString(path).equals(token);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // Delete while still holding the guard: anyone who opened this file before sees it gone and starts again.
        deleteQuietly(guardFile);
        try {
            guard.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(guardChannel);
    }

    private static Path journalTemporary(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".tmp");
    }

    static Path sibling(Path lock, String suffix) {
        return lock.resolveSibling("." + lock.getFileName() + suffix);
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        deleteQuietly(file);
        try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary is removed by the next run
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** What one commit replaces, written before the first rename so that a killed run can be completed. */
    record Journal(Path target, Path staging, Optional<Path> old, Optional<Path> lockNew, Path lock) {

        void store(Path journal) throws IOException {
            Properties p = new Properties();
            p.setProperty("target", target.toString());
            p.setProperty("staging", staging.toString());
            old.ifPresent(o -> p.setProperty("old", o.toString()));
            lockNew.ifPresent(l -> p.setProperty("lockNew", l.toString()));
            p.setProperty("lock", lock.toString());
            Path tmp = journalTemporary(journal);
            deleteQuietly(tmp);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                p.store(out, "hybridctl plan commit in progress; the next plan completes it");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        static Journal load(Path journal) throws IOException {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(journal)) {
                p.load(in);
            }
            for (String key : List.of("target", "staging", "lock")) {
                if (p.getProperty(key) == null) {
                    throw new IllegalArgumentException("it names no " + key);
                }
            }
            return new Journal(Path.of(p.getProperty("target")), Path.of(p.getProperty("staging")),
                    Optional.ofNullable(p.getProperty("old")).map(Path::of), Optional.ofNullable(p.getProperty("lockNew")).map(Path::of),
                    Path.of(p.getProperty("lock")));
        }

        /** Idempotent: each step checks whether an earlier, interrupted attempt already did it. */
        void rollForward() throws IOException {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                if (old.isPresent() && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(old.get(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, old.get(), StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            if (lockNew.isPresent() && Files.exists(lockNew.get())) {
                Files.move(lockNew.get(), lock, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            old.ifPresent(OutputTree::deleteTree);
        }

        /** Undoes a roll-forward that failed before the new tree was in place; false when it is too late for that. */
        boolean rollBack() {
            if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                if (old.isPresent() && Files.exists(old.get(), LinkOption.NOFOLLOW_LINKS) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(old.get(), target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                return false;
            }
            OutputTree.deleteTree(staging);
            lockNew.ifPresent(PlanCommit::deleteQuietly);
            return true;
        }
    }
}
