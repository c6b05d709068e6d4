package io.kompat.predict;

import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.Objects;

/** A candidate of pip's resolver: a release, a release with extras, the interpreter, or an assumption. */
sealed interface Cand permits Cand.Dist, Cand.Extras, Cand.Python, Cand.Assumed {

    Key key();

    /** The version, or null for an assumed release whose version nobody knows. */
    Version version();

    /** A release of a project (pip's LinkCandidate), equal by project and version as pip caches them. */
    record Dist(Key key, Release release) implements Cand {
        @Override
        public Version version() {
            return release.version();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dist d && d.key.equals(key) && d.release.version().equals(release.version());
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, release.version());
        }

        @Override
        public String toString() {
            return key.id() + " " + release.version();
        }
    }

    /** A release with extras (pip's ExtrasCandidate): it needs its base and what the extras add. */
    record Extras(Key key, Dist base) implements Cand {
        @Override
        public Version version() {
            return base.version();
        }

        @Override
        public String toString() {
            return key.id() + " " + base.version();
        }
    }

    /** The target interpreter, for Requires-Python. */
    record Python(Version version) implements Cand {
        @Override
        public Key key() {
            return Key.PYTHON;
        }

        @Override
        public String toString() {
            return "Python " + version;
        }
    }

    /**
     * A release nobody lists but that may exist (no release data for the project, or a list that may be
     * incomplete in {@code range}): taken as installable, with no known dependencies, and reported.
     */
    record Assumed(Key key, VersionSet range, String why) implements Cand {
        @Override
        public Version version() {
            return range.pinnedVersion();
        }

        @Override
        public String toString() {
            return key.id() + " (" + (range.isAny() ? "any version" : range) + ")";
        }
    }
}
