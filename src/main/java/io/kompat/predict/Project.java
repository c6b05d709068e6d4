package io.kompat.predict;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the installer can see of one project for the target. */
public sealed interface Project permits Project.Listed, Project.Absent, Project.Unknown {

    PackageName name();

    /**
     * Releases the target can install (a wheel for its tags, or a source distribution; Requires-Python
     * of the files admitting it), newest first.
     *
     * @param unlisted whether releases missing from the list may exist (judged against {@code known})
     * @param skippedForPython releases left out because their files require another Python, as pip reports
     *     them ({@code 2.0 Requires-Python >=3.9})
     * @param noFileForTarget releases that exist but offer no file the target can install
     * @param origin where the list comes from
     * @param known every listed release, also those the target cannot install
     */
    record Listed(PackageName name, List<Release> releases, Unlisted unlisted, List<String> skippedForPython,
            List<Version> noFileForTarget, Origin origin, List<Release> known) implements Project {
        public Listed {
            releases = List.copyOf(releases);
            skippedForPython = List.copyOf(skippedForPython);
            noFileForTarget = List.copyOf(noFileForTarget);
            known = List.copyOf(known);
        }

        /** Whether a release the list lacks may exist in {@code range}. */
        public boolean mayHaveUnlisted(io.kompat.version.range.VersionSet range) {
            return unlisted.mayExistIn(range, known);
        }
    }

    /** The index answered that it has no such project. */
    record Absent(PackageName name, Origin origin) implements Project {
    }

    /** Nothing is known of the project (offline and not among the bundled metadata, say). */
    record Unknown(PackageName name, String reason) implements Project {
    }

    /** Whether releases that a list lacks may exist. */
    sealed interface Unlisted permits None, After, Any, SameBuild {
        /** Whether an unlisted {@code version} may exist. */
        boolean mayExist(Version version, List<Release> listed);

        /** Whether some unlisted version within {@code range} may exist. */
        boolean mayExistIn(VersionSet range, List<Release> listed);
    }

    /** The list is complete (an index answered): nothing else exists. */
    record None() implements Unlisted {
        @Override
        public boolean mayExist(Version version, List<Release> listed) {
            return false;
        }

        @Override
        public boolean mayExistIn(VersionSet range, List<Release> listed) {
            return false;
        }
    }

    /**
     * The list holds every final release published up to {@code asOf}: an unlisted final can only be a later
     * release — a new series above every listed release, or a patch above the newest listed one of a series
     * still maintained then (its newest release less than {@link #MAINTAINED} old on that date, or of unknown
     * date). Pre-releases are not vouched for (projects delete old ones from PyPI).
     */
    record After(String asOf) implements Unlisted {
        /** How long after its last release a series is taken as still maintained. */
        static final java.time.Period MAINTAINED = java.time.Period.ofMonths(18);

        @Override
        public boolean mayExist(Version version, List<Release> listed) {
            if (version.isPrerelease() || version.isDevrelease()) {
                return true;
            }
            Release newest = null;
            Release newestOfSeries = null;
            for (Release r : listed) {
                Version v = r.version();
                if (newest == null || v.compareTo(newest.version()) > 0) {
                    newest = r;
                }
                if (sameSeries(v, version) && (newestOfSeries == null || v.compareTo(newestOfSeries.version()) > 0)) {
                    newestOfSeries = r;
                }
            }
            if (newest == null || version.compareTo(newest.version()) > 0 && newestOfSeries == null) {
                return true;
            }
            if (newestOfSeries == null || version.compareTo(newestOfSeries.version()) <= 0) {
                return false;
            }
            return newestOfSeries.onOrBefore().map(d -> !d.plus(MAINTAINED).isBefore(java.time.LocalDate.parse(asOf))).orElse(true);
        }

        @Override
        public boolean mayExistIn(VersionSet range, List<Release> listed) {
            Version pinned = range.pinnedVersion();
            if (pinned != null) {
                return mayExist(pinned, listed);
            }
            Map<List<BigInteger>, Release> newestOfSeries = new HashMap<>();
            Version newest = null;
            for (Release r : listed) {
                Version v = r.version();
                newestOfSeries.merge(series(v), r, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
                if (newest == null || v.compareTo(newest) > 0) {
                    newest = v;
                }
            }
            if (newest == null || !range.intersect(VersionSet.atLeast(nextSeries(newest))).isEmpty()) {
                return true;
            }
            for (Release top : newestOfSeries.values()) {
                Version v = top.version();
                Version next = nextSeries(v);
                boolean maintained = top.onOrBefore().map(d -> !d.plus(MAINTAINED).isBefore(java.time.LocalDate.parse(asOf))).orElse(true);
                if (maintained && !range.intersect(above(v)).intersect(VersionSet.below(next)).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /** The first version of the series after {@code v}'s: {@code 2.5.dev0} after 2.4.x. */
        private static Version nextSeries(Version v) {
            return Version.parse(v.releasePart(0) + "." + v.releasePart(1).add(BigInteger.ONE) + ".dev0");
        }

        private static VersionSet above(Version v) {
            return VersionSet.atLeast(v).intersect(VersionSet.exactly(v).complement());
        }

        private static List<BigInteger> series(Version v) {
            return List.of(v.epoch(), v.releasePart(0), v.releasePart(1));
        }

        private static boolean sameSeries(Version a, Version b) {
            return a.epoch().equals(b.epoch()) && a.releasePart(0).equals(b.releasePart(0)) && a.releasePart(1).equals(b.releasePart(1));
        }
    }

    /**
     * The list of a distribution that, within {@code versions}, is the same build as another ({@code tensorflow-gpu}
     * of {@code tensorflow}): there, a release it lacks may exist only as a version the other's list has, or may
     * have ({@code other}, judged against {@code otherKnown}); elsewhere {@code outside} decides.
     */
    record SameBuild(VersionSet versions, Unlisted other, List<Release> otherKnown, Unlisted outside) implements Unlisted {
        public SameBuild {
            otherKnown = List.copyOf(otherKnown);
        }

        @Override
        public boolean mayExist(Version version, List<Release> listed) {
            if (!versions.contains(version)) {
                return outside.mayExist(version, listed);
            }
            return otherKnown.stream().anyMatch(r -> r.version().equals(version)) || other.mayExist(version, otherKnown);
        }

        @Override
        public boolean mayExistIn(VersionSet range, List<Release> listed) {
            VersionSet out = range.intersect(versions.complement());
            if (!out.isEmpty() && outside.mayExistIn(out, listed)) {
                return true;
            }
            VersionSet in = range.intersect(versions);
            if (in.isEmpty()) {
                return false;
            }
            java.util.Set<Version> own = new java.util.HashSet<>();
            listed.forEach(r -> own.add(r.version()));
            for (Release r : otherKnown) {
                if (in.contains(r.version()) && !own.contains(r.version())) {
                    return true;
                }
            }
            return other.mayExistIn(in, otherKnown);
        }
    }

    /** The list is known to be incomplete: any version may exist. */
    record Any(String why) implements Unlisted {
        @Override
        public boolean mayExist(Version version, List<Release> listed) {
            return true;
        }

        /** Any range may hold an unlisted version, except a pin of a release the list holds (it has no other). */
        @Override
        public boolean mayExistIn(VersionSet range, List<Release> listed) {
            Version pinned = range.pinnedVersion();
            if (pinned != null && listed.stream().anyMatch(r -> r.version().equals(pinned))) {
                return false;
            }
            return !range.isEmpty();
        }
    }
}
