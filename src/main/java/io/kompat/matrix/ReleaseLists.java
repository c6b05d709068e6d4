package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Collection;
import java.util.List;

/** How a release list answers for a version it lacks, in the words pip's "No matching distribution" stands for. */
public final class ReleaseLists {
    private ReleaseLists() {
    }

    /**
     * {@code no such release of tensorflow: 2.4.9 (2.4.x releases: 2.4.0 … 2.4.4)}: the final releases of the
     * version's {@code major.minor} series, or of the whole list when the series has none.
     */
    public static String noSuchRelease(PackageName name, Version version, Collection<Version> known) {
        List<Version> finals = known.stream().filter(v -> !v.isPrerelease() && !v.isDevrelease()).sorted().toList();
        List<Version> series = finals.stream().filter(v -> sameSeries(v, version)).toList();
        String scope = series.isEmpty() ? "releases: " + span(finals)
                : version.releasePart(0) + "." + version.releasePart(1) + ".x releases: " + span(series);
        return "no such release of " + name + ": " + version + " (" + scope + ")";
    }

    private static String span(List<Version> sorted) {
        if (sorted.isEmpty()) {
            return "none";
        }
        return sorted.size() == 1 ? sorted.get(0).toString() : sorted.get(0) + " … " + sorted.get(sorted.size() - 1);
    }

    private static boolean sameSeries(Version a, Version b) {
        return a.epoch().equals(b.epoch()) && a.releasePart(0).equals(b.releasePart(0)) && a.releasePart(1).equals(b.releasePart(1));
    }
}
