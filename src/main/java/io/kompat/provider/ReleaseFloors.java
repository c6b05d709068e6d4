package io.kompat.provider;

import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.Operator;
import io.kompat.version.Specifier;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The day before which a release of unknown date cannot have been installable, so that {@code --as-of} can
 * leave out what came later although its own date is not known (most TensorFlow releases carry only the day a
 * pip listing first showed them). Two facts bound it from below, each read from dated releases:
 * <ul>
 * <li>a release comes after the lower releases of its own series (x.y): 2.3.4 after 2.3.0, a final after its
 * release candidates; and after the first final of every lower series of its major version: 2.6.0rc0 after
 * 2.5.0 (not across majors: TensorFlow 1.15.0 came out after 2.0.0);</li>
 * <li>pip cannot install a release before every requirement it declares (without a marker) can be met: the
 * earliest dated release that meets it. That release must be the lowest one listed that meets the requirement
 * and either the list is complete or it is the requirement's own lower bound (tensorflow 2.3.0 declares
 * {@code tensorboard>=2.3.0}; tensorboard 2.3.0 was tagged 2020-07-23), so that an unlisted earlier one cannot
 * exist.</li>
 * </ul>
 * A release with neither bound is kept, as before. Only the bundled release metadata is read (the only dated
 * data), so working out a floor never fetches a page or a release's metadata from an index.
 */
final class ReleaseFloors {
    private final Project.Listed project;
    private final Function<PackageName, Project> projects;
    private final Map<Version, Optional<LocalDate>> floors = new HashMap<>();
    private final Map<Requirement, Optional<LocalDate>> requirementFloors;
    private java.util.Set<Version> firstFinals;

    /**
     * @param projects the other projects as the catalog sees them (dates and all releases), for the requirements
     * @param requirementFloors shared across projects: when each requirement can first be met
     */
    ReleaseFloors(Project.Listed project, Function<PackageName, Project> projects, Map<Requirement, Optional<LocalDate>> requirementFloors) {
        this.project = project;
        this.projects = projects;
        this.requirementFloors = requirementFloors;
    }

    /**
     * Whether {@code r} may have been installable on {@code day}: its date is not later; or, if unknown, a listing
     * showed it by then, or its floor is not later.
     */
    boolean mayBeOutBy(Release r, LocalDate day) {
        if (r.published().isEmpty() && r.listedBy().map(d -> !d.isAfter(day)).orElse(false)) {
            return true;
        }
        Optional<LocalDate> when = r.published().or(() -> floor(r.version()));
        return when.map(d -> !d.isAfter(day)).orElse(true);
    }

    /**
     * The latest of the dates and requirement floors of {@code v}, of the lower releases of its series and of the
     * first finals of the lower series of its major version.
     */
    Optional<LocalDate> floor(Version v) {
        Optional<LocalDate> known = floors.get(v);
        if (known != null) {
            return known;
        }
        LocalDate latest = null;
        // The first final of a lower series is its first release only if the list is complete (else an unlisted
        // earlier one may exist and a listed late patch would push the floor too far).
        boolean complete = complete(project);
        for (Release s : project.known()) {
            if (s.version().compareTo(v) <= 0 && (sameSeries(s.version(), v) || complete && sameMajor(s.version(), v) && firstFinals().contains(s.version()))) {
                latest = later(latest, own(s));
            }
        }
        Optional<LocalDate> floor = Optional.ofNullable(latest);
        floors.put(v, floor);
        return floor;
    }

    /** The release's own date, else the day its requirements could first all be met (null: neither known). */
    private LocalDate own(Release s) {
        if (s.published().isPresent()) {
            return s.published().get();
        }
        LocalDate latest = null;
        if (s.metadata().get() instanceof Metadata.Known m) {
            for (Requirement q : m.requiresDist()) {
                if (q.marker().isEmpty() && q.url().isEmpty()) {
                    latest = later(latest, requirementFloor(q).orElse(null));
                }
            }
        }
        return latest;
    }

    /** The lowest final release of each series the project lists. */
    private java.util.Set<Version> firstFinals() {
        if (firstFinals == null) {
            Map<String, Version> first = new HashMap<>();
            for (Release r : project.known()) {
                Version v = r.version();
                if (!v.isPrerelease() && !v.isDevrelease()) {
                    first.merge(v.epoch() + "!" + v.releasePart(0) + "." + v.releasePart(1), v, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
            firstFinals = java.util.Set.copyOf(first.values());
        }
        return firstFinals;
    }

    private Optional<LocalDate> requirementFloor(Requirement q) {
        Optional<LocalDate> known = requirementFloors.get(q);
        if (known != null) {
            return known;
        }
        Optional<LocalDate> floor = Optional.empty();
        if (!q.name().equals(project.name()) && projects.apply(q.name()) instanceof Project.Listed dep) {
            // As pip filters: pre-releases count when the requirement names one (keras>=2.7.0rc0).
            boolean pre = q.specifiers().specifiers().stream().anyMatch(x -> !x.isWildcard() && x.version() != null && x.version().isPrerelease());
            Optional<Release> first = dep.known().stream().filter(r -> (pre || !r.version().isPrerelease()) && q.specifiers().contains(r.version(), pre))
                    .min(Comparator.comparing(Release::version));
            if (first.isPresent() && (complete(dep) || isLowerBound(q, first.get().version()))) {
                floor = first.get().published();
            }
        }
        requirementFloors.put(q, floor);
        return floor;
    }

    /** Whether {@code v} is a lower bound the requirement states ({@code >=v}, {@code ~=v}, {@code ==v}). */
    private static boolean isLowerBound(Requirement q, Version v) {
        for (Specifier s : q.specifiers().specifiers()) {
            Operator op = s.operator();
            if ((op == Operator.GREATER_EQUAL || op == Operator.COMPATIBLE || op == Operator.EQUAL) && !s.isWildcard() && s.version().compareTo(v) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean complete(Project.Listed p) {
        return p.unlisted() instanceof Project.None || p.unlisted() instanceof Project.After;
    }

    private static boolean sameSeries(Version a, Version b) {
        return sameMajor(a, b) && a.releasePart(1).equals(b.releasePart(1));
    }

    private static boolean sameMajor(Version a, Version b) {
        return a.epoch().equals(b.epoch()) && a.releasePart(0).equals(b.releasePart(0));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
