package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The core metadata of a release, as far as it is known. */
public sealed interface Metadata permits Metadata.Known, Metadata.Unknown {

    Origin origin();

    /**
     * Requires-Dist (markers kept), Requires-Python and the extras it provides ({@code Optional.empty()}
     * when the source does not say, so that any extra asked for is taken as provided).
     */
    record Known(List<Requirement> requiresDist, SpecifierSet requiresPython, Optional<Set<String>> extras, Origin origin)
            implements Metadata {
        public Known {
            requiresDist = List.copyOf(requiresDist);
            extras = extras.map(Set::copyOf);
        }
    }

    /** Not known: its dependencies are taken as none, and every prediction that uses it says so. */
    record Unknown(String reason, Origin origin) implements Metadata {
    }
}
