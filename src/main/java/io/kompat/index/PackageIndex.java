package io.kompat.index;

import io.kompat.requirement.PackageName;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A source of distribution files and their metadata: a Simple index, a find-links folder, or several. A remote
 * source also fetches ahead (the defaults here answer synchronously and fetch nothing ahead).
 */
public interface PackageIndex {

    /** The files offered for {@code name}; empty when the source has none. */
    List<DistributionFile> files(PackageName name) throws IndexException;

    /** The core metadata of {@code file}, when the source can provide it. */
    Optional<CoreMetadata> metadata(DistributionFile file) throws IndexException;

    /** A short description for messages. */
    String describe();

    /** Whether this source is a remote index, whose answer is complete when it is reached (local mirrors may be partial). */
    default boolean remote() {
        return false;
    }

    /** The files of {@code name}, fetched in the background where the source can; failures surface in {@link #files}. */
    default CompletableFuture<List<DistributionFile>> filesAhead(PackageName name) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** The metadata of {@code file}, fetched in the background where the source can; failures surface in {@link #metadata}. */
    default CompletableFuture<Optional<CoreMetadata>> metadataAhead(DistributionFile file) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** What the source's JSON API says about {@code name}; empty where it has none. */
    default Optional<ProjectDetails> details(PackageName name) throws IndexException {
        return Optional.empty();
    }

    /** Starts fetching the files of {@code names} in the background where the source can. */
    default void prefetch(Collection<PackageName> names) {
        names.forEach(this::filesAhead);
    }

    /** Opens the remote index at a URL (an adapter's constructor): how {@link IndexSources} reaches remote indexes. */
    @FunctionalInterface
    interface Opener {
        /** The index at {@code url}; {@link IllegalArgumentException} when {@code url} is not a valid URL. */
        PackageIndex open(String url);
    }
}
