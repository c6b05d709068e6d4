package io.kompat.index.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of one HTTP cache folder by one process. OkHttp's disk cache keeps a journal that two
 * processes must not write at once; a second kompat that finds the folder in use waits briefly, then runs
 * without the disk cache rather than corrupt it. The lock is released when the process ends.
 */
final class CacheLock {
    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code dir}, or null when another process holds it for longer than {@code waitMillis}. */
    static CacheLock acquire(Path dir, long waitMillis) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            try {
                FileLock l = ch.tryLock();
                if (l != null) {
                    return new CacheLock(ch, l);
                }
            } catch (OverlappingFileLockException e) {
                // Held by this process already (another fetcher); treat as busy.
            }
            if (System.nanoTime() > deadline) {
                ch.close();
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ch.close();
                return null;
            }
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }
}
