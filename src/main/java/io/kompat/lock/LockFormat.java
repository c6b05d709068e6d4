package io.kompat.lock;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code kompat lock} writes. */
public enum LockFormat {
    /** pip's requirements format, with {@code --hash} lines where the index publishes hashes. */
    REQUIREMENTS,
    /** {@value LockWriters#JSON_SCHEMA}. */
    JSON,
    /** PEP 751 {@code pylock.toml}. */
    PYLOCK,
    /** A conda environment.yml: Python from conda-forge, the pins through pip. */
    CONDA;

    /** The name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * The format named {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static LockFormat of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown lock format '" + id + "' (known: " + Arrays.stream(values()).map(LockFormat::id).collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * {@code lock} in this format.
     *
     * @throws IllegalStateException when the format needs what the lock lacks (pylock: a hash for every file)
     */
    public String write(Lockfile lock) {
        return switch (this) {
            case REQUIREMENTS -> LockWriters.requirements(lock);
            case JSON -> LockWriters.json(lock);
            case PYLOCK -> LockWriters.pylock(lock);
            case CONDA -> LockWriters.conda(lock);
        };
    }
}
