package io.kompat.matrix;

import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What pip sees for one release of a curated package, as the bundled metadata states it: each facet
 * optional (unknown when absent), with the sources that back it.
 *
 * @param requiresDist the Requires-Dist entries, markers kept, extras' entries included with their
 *     {@code extra == "x"} markers; empty when unknown
 * @param extras the extras the release provides, when known
 * @param wheels which Pythons and platforms have wheels, when known
 * @param sdistOnly only a source distribution is published
 * @param unverified facets stated without a primary source
 * @param publishedBy a day it was already published on (a dated source lists it), when its exact date is not known
 * @param citation the file and line of the group that states it, with its sources
 * @param sources per facet, the sources that back it
 */
public record ReleaseFact(Version version, Optional<LocalDate> date, Optional<String> yanked, Optional<SpecifierSet> requiresPython,
        Optional<List<Requirement>> requiresDist, Optional<Set<String>> extras, Optional<WheelFacts> wheels, boolean sdistOnly,
        Set<String> unverified, Citation citation, Map<String, List<String>> sources, Optional<LocalDate> publishedBy) {

    public ReleaseFact {
        requiresDist = requiresDist.map(List::copyOf);
        extras = extras.map(Set::copyOf);
        unverified = Set.copyOf(unverified);
        sources = Map.copyOf(sources);
    }

    /** The day it was published on, or else a day by which it was: what a judgement of its age can use. */
    public Optional<LocalDate> publishedOnOrBefore() {
        return date.or(() -> publishedBy);
    }

    /** Whether {@code facet} ({@code requires-dist}, {@code wheels}, ...) is stated and verified. */
    public boolean verified(String facet) {
        return !unverified.contains(facet);
    }
}
