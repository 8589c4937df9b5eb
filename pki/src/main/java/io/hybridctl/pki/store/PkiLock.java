package io.hybridctl.pki.store;

import io.hybridctl.pki.PkiException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one PKI directory, across processes (an OS file lock on a lock file) and across threads of this
 * process (the OS lock belongs to the whole JVM, so threads queue on an in-process lock first).
 */
public final class PkiLock implements AutoCloseable {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private PkiLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    public static Path lockFile(Path pkiRoot) {
        return pkiRoot.resolve(".lock");
    }

    public static PkiLock acquire(Path pkiRoot, Duration wait) throws PkiException, IOException {
        Path file = lockFile(pkiRoot).toAbsolutePath().normalize();
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(pkiRoot, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(pkiRoot, wait);
        }
        FileChannel channel = null;
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.SECRET));
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new PkiLock(threadLock, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(pkiRoot, wait);
                }
                Thread.sleep(50);
            }
        } catch (PkiException | IOException | RuntimeException e) {
            close(channel);
            threadLock.unlock();
            throw e;
        } catch (InterruptedException e) {
            close(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw busy(pkiRoot, wait);
        }
    }

    private static PkiException busy(Path root, Duration wait) {
        return PkiException.refused("another hybridctl process has held the PKI directory " + root + " for " + wait.toSeconds()
                + " s; let it finish and run again");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; nothing else to undo.
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
