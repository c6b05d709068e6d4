package io.kompat.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes files so that a reader sees the old content or the new, never half of either, and so that a write
 * changes only what it was asked to: through a symbolic link the link stays and its target changes; a
 * read-only file is refused, not replaced; a file that changed since kompat read it is not overwritten; a
 * new file gets the permissions the user's umask gives, an existing one keeps its own.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** What a file held when kompat read it: its content digest, or absent. */
    public record Snapshot(byte[] sha256) {
        public static final Snapshot ABSENT = new Snapshot(null);

        public boolean matches(Snapshot now) {
            return Arrays.equals(sha256, now.sha256);
        }
    }

    /** The snapshot of {@code file} now (followed through links). */
    public static Snapshot snapshot(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            // Nothing to compare: a missing file, or one that write refuses anyway (a folder, a device, a pipe).
            return Snapshot.ABSENT;
        }
        return new Snapshot(sha256(Files.readAllBytes(file)));
    }

    /** The snapshot of content read earlier. */
    public static Snapshot snapshotOf(byte[] content) {
        return new Snapshot(sha256(content));
    }

    /** Writes {@code text} over {@code target}, whatever it holds now. */
    public static void write(Path target, String text) throws IOException {
        write(target, text, null);
    }

    /**
     * Writes {@code text} to a temporary file beside the real target, syncs it, checks that the target still
     * holds what {@code expected} says (null: no check), then renames it over the target.
     *
     * @throws IOException with a one-line reason when the target is read-only or changed meanwhile; the target is untouched
     */
    public static void write(Path target, String text, Snapshot expected) throws IOException {
        Path real = realTarget(target);
        boolean exists = Files.exists(real);
        if (exists && !Files.isRegularFile(real)) {
            throw new IOException("not a regular file");
        }
        if (exists) {
            refuseReadOnly(real);
        }
        Path tmp = createTemp(real);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (exists) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(real));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the default permissions stay.
                }
            }
            if (expected != null && !expected.matches(snapshot(real))) {
                throw new IOException(target + " changed while kompat was working on it; run again");
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file a write of {@code target} must change: the end of its chain of links, or the target itself. */
    private static Path realTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!Files.isSymbolicLink(abs)) {
            return abs;
        }
        if (Files.exists(abs)) {
            return abs.toRealPath();
        }
        // A dangling link: the file it names is created, the link stays.
        Path to = Files.readSymbolicLink(abs);
        return abs.getParent().resolve(to).normalize();
    }

    /** Renaming over a file needs only a writable folder; a file its owner made read-only is still refused. */
    private static void refuseReadOnly(Path real) throws IOException {
        boolean readOnly = !Files.isWritable(real);
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            readOnly |= !perms.contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            // Not POSIX: Files.isWritable alone decides.
        }
        if (readOnly) {
            throw new IOException("the file is read-only");
        }
    }

    /** A new hidden file beside {@code real}, created with the permissions the umask gives (not 0600). */
    private static Path createTemp(Path real) throws IOException {
        Path dir = real.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + real.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new IOException("the folder " + dir + " is not writable");
            }
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
