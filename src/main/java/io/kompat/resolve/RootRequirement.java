package io.kompat.resolve;

import io.kompat.requirement.PackageName;
import io.kompat.version.range.VersionSet;

/**
 * One requirement of the user's input as the solver takes it: a package that must be installed within
 * {@code versions}, or (a constraint) that may only be installed within them.
 *
 * @param written the requirement as the user wrote it, for proposals ({@code ==2.4.0})
 */
public record RootRequirement(PackageName pkg, VersionSet versions, boolean constraint, Origin origin, String written) {

    public Incompatibility toIncompatibility() {
        if (constraint) {
            return Incompatibility.external(Cause.Kind.ROOT_CONSTRAINT, origin, null, Solver.rootTerm(),
                    Term.positive(pkg, versions.complement()));
        }
        return Incompatibility.external(Cause.Kind.ROOT_REQUIREMENT, origin, null, Solver.rootTerm(), Term.negative(pkg, versions));
    }

    /** The same requirement with any version allowed. */
    public RootRequirement relaxed() {
        return new RootRequirement(pkg, VersionSet.any(), constraint, origin, written);
    }
}
