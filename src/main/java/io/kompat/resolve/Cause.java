package io.kompat.resolve;

import io.kompat.origin.Origin;

/** Why an incompatibility holds: the root, an external fact, or derivation from two others. */
public sealed interface Cause permits Cause.Root, Cause.External, Cause.Derived {

    /** The root package must be selected. */
    record Root() implements Cause {
    }

    /**
     * A fact from outside the solver.
     *
     * @param kind how to word it
     * @param origin where it comes from
     * @param detail extra words (a reason for unavailability, for instance), or null
     */
    record External(Kind kind, Origin origin, String detail) implements Cause {
    }

    /** Derived by resolution from two incompatibilities. */
    record Derived(Incompatibility left, Incompatibility right) implements Cause {
    }

    /** The sorts of external facts, each with its own wording. */
    enum Kind {
        /** The user's input asks for a package. */
        ROOT_REQUIREMENT,
        /** The user's input limits a package (constraints file). */
        ROOT_CONSTRAINT,
        /** A release requires another package. */
        DEPENDENCY,
        /** A release works only with some versions of another package, if installed. */
        CONSTRAINT,
        /** Two releases cannot be installed together. */
        CONFLICT,
        /** A release supports only some Pythons. */
        PYTHON,
        /** A release cannot be installed. */
        UNAVAILABLE,
        /** No known release satisfies the range. */
        NO_VERSIONS
    }
}
