package io.kompat.provider;

import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What pip would see: the configured package sources where they answer, the bundled release metadata for
 * what they cannot tell (an unreachable index, offline). Index data of a release replaces the bundled
 * metadata of that release; it is never intersected with it. With {@code asOf}, releases published later
 * are left out, as if pip ran that day.
 */
public final class CombinedCatalog implements ReleaseCatalog {
    private final IndexCatalog index;
    private final BundledCatalog bundled;
    private final LocalDate asOf;
    private final Map<PackageName, Project> memo = new HashMap<>();
    private final Map<io.kompat.requirement.Requirement, Optional<LocalDate>> requirementFloors = new HashMap<>();
    private final Map<PackageName, Project> bundledMemo = new HashMap<>();

    /** {@code index} may be null (no package source): the bundled metadata alone. */
    public CombinedCatalog(IndexCatalog index, BundledCatalog bundled, LocalDate asOf) {
        this.index = index;
        this.bundled = bundled;
        this.asOf = asOf;
    }

    @Override
    public void prefetch(Collection<PackageName> names) {
        if (index != null) {
            index.prefetch(names);
        }
    }

    @Override
    public synchronized Project project(PackageName name) {
        return memo.computeIfAbsent(name, n -> asOf(combine(n)));
    }

    private Project bundledProject(PackageName name) {
        return bundledMemo.computeIfAbsent(name, bundled::project);
    }

    private Project combine(PackageName name) {
        Project offline = bundled.project(name);
        if (index == null) {
            return offline;
        }
        IndexCatalog.Answer answer = index.answer(name);
        if (answer.complete() || !(offline instanceof Project.Listed)) {
            return answer.project() instanceof Project.Unknown && offline instanceof Project.Listed ? offline : answer.project();
        }
        Project.Listed known = (Project.Listed) offline;
        if (!(answer.project() instanceof Project.Listed seen)) {
            return known;
        }
        Map<Version, Release> merged = new LinkedHashMap<>();
        known.releases().forEach(r -> merged.put(r.version(), r));
        seen.releases().forEach(r -> merged.put(r.version(), r));
        List<Release> releases = new ArrayList<>(merged.values());
        releases.sort(Comparator.comparing(Release::version).reversed());
        TreeSet<String> skipped = new TreeSet<>(known.skippedForPython());
        skipped.addAll(seen.skippedForPython());
        List<Version> noFile = new ArrayList<>(known.noFileForTarget());
        seen.noFileForTarget().stream().filter(v -> !merged.containsKey(v) && !noFile.contains(v)).forEach(noFile::add);
        List<Release> all = new ArrayList<>(known.known());
        seen.known().stream().filter(r -> known.known().stream().noneMatch(k -> k.version().equals(r.version()))).forEach(all::add);
        return new Project.Listed(name, releases, known.unlisted(), List.copyOf(skipped), noFile, known.origin(), all);
    }

    /**
     * The project as it was on {@code asOf}: releases published later left out, and those of unknown date whose
     * series or requirements show they came later ({@link ReleaseFloors}); a release with no such bound is kept.
     */
    private Project asOf(Project p) {
        if (asOf == null || !(p instanceof Project.Listed l)) {
            return p;
        }
        // Floors come from the bundled release metadata only: it holds the dates, and reading it costs no request.
        // A project the bundled data does not list gets no floors: its releases are judged by their own dates.
        Project offline = bundled.project(l.name());
        ReleaseFloors floors = offline instanceof Project.Listed b ? new ReleaseFloors(b, this::bundledProject, requirementFloors) : null;
        java.util.function.Predicate<Release> out = r -> floors != null ? floors.mayBeOutBy(r, asOf)
                : r.published().map(d -> !d.isAfter(asOf)).orElse(true);
        List<Release> kept = l.releases().stream().filter(out).toList();
        Project.Unlisted unlisted = l.unlisted() instanceof Project.After a && !asOf.isAfter(LocalDate.parse(a.asOf())) ? new Project.None()
                : l.unlisted();
        List<Release> known = l.known().stream().filter(out).toList();
        return new Project.Listed(l.name(), kept, unlisted, l.skippedForPython(), l.noFileForTarget(), l.origin(), known);
    }
}
