package io.kompat.index;

import io.kompat.requirement.PackageName;
import java.util.List;
import java.util.Optional;

/** A source of distribution files and their metadata: a Simple index, a find-links folder, or several. */
public interface PackageIndex {

    /** The files offered for {@code name}; empty when the source has none. */
    List<DistributionFile> files(PackageName name) throws IndexException;

    /** The core metadata of {@code file}, when the source can provide it. */
    Optional<CoreMetadata> metadata(DistributionFile file) throws IndexException;

    /** A short description for messages. */
    String describe();
}
