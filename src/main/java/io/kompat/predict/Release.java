package io.kompat.predict;

import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One release the target can install.
 *
 * @param yanked the yank reason (empty text when none was given), or empty when not yanked
 * @param published when it was published, if known
 * @param sha256 digests of the files the target would install (empty when unknown)
 * @param metadata its core metadata, read on first use (as pip reads it only for candidates it tries)
 * @param listedBy when {@code published} is not known: a day by which a dated listing showed it
 */
public record Release(Version version, Optional<String> yanked, Optional<LocalDate> published, List<String> sha256,
        Supplier<Metadata> metadata, Optional<LocalDate> listedBy) {

    public Release {
        sha256 = List.copyOf(sha256);
    }

    /** A release whose date, if any, is exact. */
    public Release(Version version, Optional<String> yanked, Optional<LocalDate> published, List<String> sha256, Supplier<Metadata> metadata) {
        this(version, yanked, published, sha256, metadata, Optional.empty());
    }

    /** The day it was published, else a day by which it was: the latest it can have come out. */
    public Optional<LocalDate> onOrBefore() {
        return published.or(() -> listedBy);
    }

    public boolean isYanked() {
        return yanked.isPresent();
    }
}
