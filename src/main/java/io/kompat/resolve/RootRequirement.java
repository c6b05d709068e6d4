package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.range.VersionSet;

/**
 * One requirement of the user's input as the solver takes it: a package that must be installed within
 * {@code versions}, or (a constraint) that may only be installed within them.
 *
 * @param written the requirement as the user wrote it, for proposals ({@code ==2.4.0})
 * @param relaxable false for requirements a fix must keep (what the code needs, in a diagnosis)
 */
public record RootRequirement(PackageName pkg, VersionSet versions, boolean constraint, Origin origin, String written, boolean relaxable) {

    /** A requirement a fix may change. */
    public RootRequirement(PackageName pkg, VersionSet versions, boolean constraint, Origin origin, String written) {
        this(pkg, versions, constraint, origin, written, true);
    }

    public Incompatibility toIncompatibility() {
        if (constraint) {
            return Incompatibility.external(Cause.Kind.ROOT_CONSTRAINT, origin, null, Solver.rootTerm(),
                    Term.positive(pkg, versions.complement()));
        }
        return Incompatibility.external(Cause.Kind.ROOT_REQUIREMENT, origin, null, Solver.rootTerm(), Term.negative(pkg, versions));
    }

    /** The same requirement with any version allowed. */
    public RootRequirement relaxed() {
        return new RootRequirement(pkg, VersionSet.any(), constraint, origin, written, relaxable);
    }
}
