package io.kompat.index.http;

import io.kompat.index.IndexException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kompat's HTTP cache folder: how a folder becomes one, how it is recognised, and {@code kompat index clear}.
 *
 * <p>A folder is a kompat cache when it holds a {@code CACHEDIR.TAG} that kompat wrote (the Cache Directory
 * Tagging convention, so backup tools skip it too). A folder made before the tag existed is recognised by its
 * contents: an OkHttp journal and nothing but OkHttp's entry files. kompat neither caches into nor clears any
 * other folder, so {@code --cache-dir} pointed at the wrong place costs a warning, never a file.
 */
public final class HttpCache {
    /** The marker file's name. */
    public static final String MARKER = "CACHEDIR.TAG";
    private static final String SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55";
    private static final String OWNER_LINE = "# This file is a cache directory tag created by kompat (its HTTP cache).";
    private static final String LOCK = ".lock";
    /** The files OkHttp's disk cache writes: its journal (and backups) and two files per entry. */
    private static final Pattern ENTRY = Pattern.compile("journal(\\.tmp|\\.bkp)?|[0-9a-f]{32}\\.[01](\\.tmp)?");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private HttpCache() {
    }

    /**
     * Makes {@code dir} ready to hold the cache: creates it private to the user with its marker, tags a
     * folder of an older kompat, and makes an existing cache folder private.
     *
     * @throws IndexException when {@code dir} holds other files (it is not a kompat cache); nothing is written
     */
    static void prepare(Path dir) throws IOException, IndexException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            createPrivate(dir);
        } else if (!isCache(dir) && !isEmptyDirectory(dir)) {
            throw new IndexException(dir + " is not a kompat cache (no " + MARKER + " written by kompat, and other files in it)");
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            Files.writeString(dir.resolve(MARKER), SIGNATURE + "\n" + OWNER_LINE + "\n", StandardCharsets.UTF_8);
        }
        makePrivate(dir);
    }

    /** Whether {@code dir} is a kompat HTTP cache: tagged by kompat, or an untagged one of an older kompat. */
    public static boolean isCache(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String text = Files.readString(marker, StandardCharsets.ISO_8859_1);
                return text.startsWith(SIGNATURE) && text.contains(OWNER_LINE);
            } catch (IOException e) {
                return false;
            }
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.contains("journal") && names.stream().allMatch(n -> n.equals(LOCK) || ENTRY.matcher(n).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes kompat's cache entries and journal in {@code dir}, waiting briefly for another kompat that uses
     * it. The marker stays (the folder remains a kompat cache); any other file is left alone and counted.
     *
     * @throws IndexException when {@code dir} is not a kompat cache, or is in use; nothing is deleted then
     */
    public static Cleared clear(Path dir) throws IndexException {
        if (!Files.isDirectory(dir) || isEmptyDirectory(dir)) {
            return new Cleared(0, 0);
        }
        if (!isCache(dir)) {
            throw new IndexException(dir + " is not a kompat cache (no " + MARKER + " written by kompat); nothing was deleted");
        }
        try {
            CacheLock l = CacheLock.acquire(dir, 3000);
            if (l == null) {
                throw new IndexException("the cache " + dir + " is in use by another kompat; nothing was deleted");
            }
            try (var files = Files.list(dir)) {
                int deleted = 0;
                int kept = 0;
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.equals(LOCK) || name.equals(MARKER)) {
                        continue;
                    }
                    if (ENTRY.matcher(name).matches() && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(f);
                        deleted++;
                    } else {
                        kept++;
                    }
                }
                return new Cleared(deleted, kept);
            } finally {
                l.release();
            }
        } catch (IOException e) {
            throw new IndexException("cannot clear the cache " + dir + ": " + e.getMessage());
        }
    }

    /** What {@link #clear} did: cache files deleted, and other files found and left alone. */
    public record Cleared(int deleted, int kept) {
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Entries may hold private index pages: the folder is the user's alone (entry files inherit nothing else). */
    private static void makePrivate(Path dir) {
        try {
            if (!Files.getPosixFilePermissions(dir).equals(PRIVATE_DIR)) {
                Files.setPosixFilePermissions(dir, PRIVATE_DIR);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours to change (another owner) or not POSIX: the cache is used as it is.
        }
    }
}
