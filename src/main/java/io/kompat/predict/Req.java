package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.range.VersionSet;
import java.util.Set;

/** A requirement as pip's resolver holds it. */
sealed interface Req permits Req.Spec, Req.Explicit, Req.RequiresPython {

    Key key();

    /** pip's {@code is_satisfied_by}. */
    boolean satisfiedBy(Cand c);

    /** How pip prints the requirement in its messages. */
    String text();

    /**
     * A named requirement with specifiers (pip's SpecifierRequirement).
     *
     * @param origin the input line, for requirements of the user's files; null for dependencies
     * @param hashes the {@code --hash} digests given with it (sha256, lower-case hex)
     */
    record Spec(Key key, Requirement requirement, Origin origin, Set<String> hashes) implements Req {
        public Spec {
            hashes = Set.copyOf(hashes);
        }

        SpecifierSet specifiers() {
            return requirement.specifiers();
        }

        @Override
        public boolean satisfiedBy(Cand c) {
            if (c instanceof Cand.Assumed a) {
                return a.range().isSubsetOf(VersionSet.of(specifiers()));
            }
            return specifiers().contains(c.version(), true);
        }

        @Override
        public String text() {
            return PipText.requirement(requirement, key);
        }
    }

    /** "Exactly this candidate" (the base of a release with extras). */
    record Explicit(Cand candidate) implements Req {
        @Override
        public Key key() {
            return candidate.key();
        }

        @Override
        public boolean satisfiedBy(Cand c) {
            return c.equals(candidate);
        }

        @Override
        public String text() {
            return candidate.key().id() + "==" + candidate.version();
        }
    }

    /** A release's Requires-Python, as a requirement on the interpreter. */
    record RequiresPython(SpecifierSet specifiers) implements Req {
        @Override
        public Key key() {
            return Key.PYTHON;
        }

        @Override
        public boolean satisfiedBy(Cand c) {
            return c instanceof Cand.Python p && specifiers.contains(p.version(), true);
        }

        @Override
        public String text() {
            return "Python" + specifiers;
        }
    }
}
