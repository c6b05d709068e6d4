package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.List;

/**
 * The solver's only window on the world: which version to try for a package, and what that version
 * needs. Implementations do any I/O; the solver does none.
 */
public interface DependencyProvider {

    /** The provider's answer to "which version of this package, within these versions?". */
    sealed interface Choice permits Chosen, NoVersion {
    }

    /**
     * A version to try; {@code unverified} explains why its metadata is unknown (null when known).
     */
    record Chosen(Version version, String unverified) implements Choice {
    }

    /** No version in the range can be used, with the fact that says so. */
    record NoVersion(Origin origin, String reason) implements Choice {
    }

    /**
     * Decision order hint: packages with a lower number are decided earlier (after pinned ones).
     * Packages whose versions the provider can only guess are best decided last.
     */
    default int priority(PackageName pkg) {
        return 0;
    }

    /** The preferred version of {@code pkg} within {@code allowed}. */
    Choice choose(PackageName pkg, VersionSet allowed);

    /**
     * What selecting {@code version} of {@code pkg} implies: incompatibilities that contain a positive
     * term for {@code pkg} including {@code version} (usually a range of versions sharing the fact).
     */
    List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version);
}
