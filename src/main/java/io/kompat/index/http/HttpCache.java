package io.kompat.index.http;

import io.kompat.index.IndexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Cache;

/** Maintenance of kompat's HTTP cache folder ({@code kompat index clear}). */
public final class HttpCache {
    private HttpCache() {
    }

    /**
     * Deletes the HTTP cache in {@code dir} (kompat's files only: the cache journal and entries), waiting
     * briefly for another kompat that uses it.
     *
     * @return the number of files deleted
     */
    public static int clear(Path dir) throws IndexException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try {
            CacheLock l = CacheLock.acquire(dir, 3000);
            if (l == null) {
                throw new IndexException("the cache " + dir + " is in use by another kompat; nothing was deleted");
            }
            try {
                int n;
                try (var files = Files.list(dir)) {
                    n = (int) files.filter(f -> !f.getFileName().toString().equals(".lock")).count();
                }
                new Cache(dir.toFile(), 1).delete();
                return n;
            } finally {
                l.release();
            }
        } catch (IOException e) {
            throw new IndexException("cannot clear the cache " + dir + ": " + e.getMessage());
        }
    }
}
