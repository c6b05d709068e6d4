package io.kompat.check;

import io.kompat.matrix.Citation;
import io.kompat.predict.Metadata;
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment as it is installed, not as pip would resolve its list: environments grow one install at a time
 * ({@code pip install keras} after TensorFlow), so what is installed can hold releases whose declared requirements
 * it does not meet, and it fails at run time, not at install. Its releases are read as pip's {@code --no-deps}
 * install of the list would take them; what they declare and the environment lacks is what {@code pip check} reports.
 */
final class InstalledSet {
    /** What {@code pip freeze} lists only with {@code --all}: its absence from a list says nothing. */
    private static final Set<PackageName> FREEZE_LEAVES_OUT = Set.of(PackageName.of("pip"), PackageName.of("setuptools"),
            PackageName.of("wheel"), PackageName.of("distribute"));

    private InstalledSet() {
    }

    /** {@code catalog} with every release's dependencies left out: pip's {@code --no-deps}. */
    static ReleaseCatalog withoutDependencies(ReleaseCatalog catalog) {
        return new ReleaseCatalog() {
            @Override
            public Project project(PackageName name) {
                Project p = catalog.project(name);
                if (!(p instanceof Project.Listed l)) {
                    return p;
                }
                return new Project.Listed(l.name(), l.releases().stream().map(InstalledSet::alone).toList(), l.unlisted(), l.skippedForPython(),
                        l.noFileForTarget(), l.origin(), l.known().stream().map(InstalledSet::alone).toList());
            }

            @Override
            public void prefetch(java.util.Collection<PackageName> names) {
                catalog.prefetch(names);
            }
        };
    }

    private static Release alone(Release r) {
        return new Release(r.version(), r.yanked(), r.published(), r.sha256(), () -> {
            Metadata m = r.metadata().get();
            return m instanceof Metadata.Known k ? new Metadata.Known(List.of(), k.requiresPython(), k.extras(), k.origin()) : m;
        }, r.listedBy());
    }

    /**
     * The requirements the installed releases declare (for the target, with the extras they were installed with) that
     * the environment does not meet: another release installed, or none.
     */
    static List<Break> unmet(Prediction.Installs installed, ReleaseCatalog catalog, Target target) {
        Map<PackageName, Version> versions = new LinkedHashMap<>();
        installed.picks().forEach(p -> p.version().ifPresent(v -> versions.put(p.name(), v)));
        List<Break> out = new ArrayList<>();
        for (Pick pick : installed.picks()) {
            if (pick.version().isEmpty() || !(catalog.project(pick.name()) instanceof Project.Listed listed)) {
                continue;
            }
            Optional<Release> release = listed.known().stream().filter(r -> r.version().equals(pick.version().get())).findFirst()
                    .or(() -> listed.releases().stream().filter(r -> r.version().equals(pick.version().get())).findFirst());
            if (release.isEmpty() || !(release.get().metadata().get() instanceof Metadata.Known known)) {
                continue;
            }
            Set<PackageName> reported = new HashSet<>();
            for (Requirement r : known.requiresDist()) {
                if (!applies(r, pick.extras(), target) || reported.contains(r.name())) {
                    continue;
                }
                Version have = versions.get(r.name());
                if (have != null && r.specifiers().contains(have, true) || have == null && FREEZE_LEAVES_OUT.contains(r.name())) {
                    continue;
                }
                reported.add(r.name());
                Citation citation = new Citation("pip check", known.origin().sources(), known.origin().location(), 0, known.origin().label(),
                        known.origin().verified());
                out.add(new Break(Break.Kind.UNMET, pick.name(), pick.version().get(), r.name(), Optional.ofNullable(have),
                        r.specifiers().toString(), null, "install", citation));
            }
        }
        return out;
    }

    private static boolean applies(Requirement r, Set<String> extras, Target target) {
        List<String> asked = new ArrayList<>(List.of(""));
        asked.addAll(extras);
        return r.appliesWith(target.markers(), asked);
    }
}
