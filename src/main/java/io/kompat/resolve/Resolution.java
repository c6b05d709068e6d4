package io.kompat.resolve;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Map;

/** The outcome of solving: a consistent selection, or the derivation of why none exists. */
public sealed interface Resolution permits Resolution.Solved, Resolution.NoSolution {

    /**
     * One version per selected package (the root and the virtual packages of extras, {@code b[x]}, excluded:
     * they only carry an extra's dependencies).
     *
     * @param unverified packages whose chosen version no source could confirm, with the reason
     * @param unverifiedRanges for those packages, every version the resolution allows
     */
    record Solved(Map<PackageName, Version> versions, Map<PackageName, String> unverified,
            Map<PackageName, io.kompat.version.range.VersionSet> unverifiedRanges) implements Resolution {
        public Solved {
            // Sorted by name, so that everything printed from a resolution is deterministic.
            versions = withoutExtras(versions);
            unverified = withoutExtras(unverified);
            unverifiedRanges = withoutExtras(unverifiedRanges);
        }
    }

    private static <V> Map<PackageName, V> withoutExtras(Map<PackageName, V> map) {
        java.util.TreeMap<PackageName, V> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> {
            if (k.extra() == null) {
                out.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** No solution: {@code cause} is the root of the derivation tree. */
    record NoSolution(Incompatibility cause) implements Resolution {
    }
}
