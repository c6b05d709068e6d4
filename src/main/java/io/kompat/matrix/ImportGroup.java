package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import java.util.List;
import java.util.Set;

/**
 * Distributions that install the same import package, so two of them in one environment overwrite each
 * other, except the listed companion pairs that are made to be installed together.
 */
public record ImportGroup(String importName, List<PackageName> packages, List<Set<PackageName>> companions, Citation citation) {

    public ImportGroup {
        packages = List.copyOf(packages);
        companions = List.copyOf(companions);
    }

    /** Whether {@code a} and {@code b} (distinct members) clash. */
    public boolean clash(PackageName a, PackageName b) {
        return !a.equals(b) && packages.contains(a) && packages.contains(b) && !companions.contains(Set.of(a, b));
    }
}
