package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A release the predicted install holds.
 *
 * @param version the release, or empty when the release is assumed ({@code assumedRange} says within what)
 * @param extras extras asked for it
 * @param requestedBy who asks for it: the input lines, and the releases that depend on it
 * @param metadata where its metadata comes from; {@code metadataKnown} false when nobody knows it
 * @param assumption why a release is assumed or its metadata unknown, else empty
 */
public record Pick(PackageName name, Optional<Version> version, VersionSet assumedRange, Set<String> extras,
        List<Because> requestedBy, Origin metadata, boolean metadataKnown, Optional<String> assumption) {

    public Pick {
        extras = Set.copyOf(extras);
        requestedBy = List.copyOf(requestedBy);
    }

    /** A requirement that brought a pick in: an input line ({@code parent} empty) or a release's Requires-Dist. */
    public record Because(String requirement, Optional<String> parent, Optional<Origin> input) {
    }

    /** Whether the release and its dependencies are known (no assumption was needed). */
    public boolean verified() {
        return version.isPresent() && metadataKnown;
    }

    /** {@code numpy 1.26.4}, or {@code numpy (unknown release in >=1.20)}. */
    public String display() {
        return version.map(v -> name.value() + " " + v)
                .orElse(name.value() + " (unknown release" + (assumedRange.isAny() ? "" : " in " + assumedRange) + ")");
    }
}
