package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.Requirement;
import java.util.Set;

/**
 * One requirement of the user's input as pip takes it: a requirement to install, or (a constraint) a limit
 * on what may be installed.
 *
 * @param origin the input line it comes from
 * @param sha256 the digests given with {@code --hash} (lower-case hex), empty when none
 */
public record Wanted(Requirement requirement, Origin origin, Set<String> sha256, boolean constraint) {
    public Wanted {
        sha256 = Set.copyOf(sha256);
    }

    /** A requirement to install, without hashes. */
    public static Wanted install(Requirement requirement, Origin origin) {
        return new Wanted(requirement, origin, Set.of(), false);
    }
}
