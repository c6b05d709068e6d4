package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bundled release metadata of one package (a {@code kompat.releases/1} file): every release listed with
 * what pip sees for it, and, when the list is complete, the date it is complete as of.
 *
 * @param releases newest first
 * @param binary whether the package ships compiled extension modules (a release then installs on a CPython
 *        line from a wheel built for it, or by compiling its sdist)
 * @param completeFrom a day from which on every release is listed: one the list lacks came out before it
 */
public record ReleaseFacts(PackageName name, String summary, Optional<LocalDate> completeAsOf, List<String> listSources,
        List<ReleaseFact> releases, Citation citation, boolean binary, Optional<LocalDate> completeFrom) {

    /** A package without compiled code (or not known to have any). */
    public ReleaseFacts(PackageName name, String summary, Optional<LocalDate> completeAsOf, List<String> listSources,
            List<ReleaseFact> releases, Citation citation) {
        this(name, summary, completeAsOf, listSources, releases, citation, false, Optional.empty());
    }

    public ReleaseFacts {
        listSources = List.copyOf(listSources);
        releases = releases.stream().sorted(Comparator.comparing(ReleaseFact::version).reversed()).toList();
    }

    public Optional<ReleaseFact> release(Version v) {
        return releases.stream().filter(r -> r.version().equals(v)).findFirst();
    }
}
