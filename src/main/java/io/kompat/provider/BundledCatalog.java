package io.kompat.provider;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.origin.Origin;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.target.Target;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled release metadata as pip would see it for a target: the releases with a wheel for the target
 * (or a source distribution to build), those whose Requires-Python admits it; what offline prediction uses.
 * A variant without a releases file of its own ({@code tensorflow-gpu}) is seen through {@link VariantReleases}.
 */
public final class BundledCatalog implements ReleaseCatalog {
    private final CompatibilityMatrix matrix;
    private final Target target;

    public BundledCatalog(CompatibilityMatrix matrix, Target target) {
        this.matrix = matrix;
        this.target = target;
    }

    /**
     * pip installs into an interpreter and cannot install one: PyPI has no {@code python} distribution, so a
     * requirement named python fails as any unknown name does ("Could not find a version that satisfies the
     * requirement python>=3.7 (from versions: none)", imsatoshi/GeneTrader#3).
     */
    private static final Origin NOT_A_DISTRIBUTION = Origin.target("pip cannot install Python itself: PyPI has no 'python' distribution"
            + " (pip: \"from versions: none\", https://github.com/imsatoshi/GeneTrader/issues/3)");

    @Override
    public Project project(PackageName name) {
        if (name.equals(CatalogProvider.PYTHON)) {
            return new Project.Listed(name, List.of(), new Project.None(), List.of(), List.of(), NOT_A_DISTRIBUTION, List.of());
        }
        Optional<ReleaseFacts> facts = matrix.releaseFacts(name).or(() -> VariantReleases.of(matrix, name));
        if (facts.isEmpty()) {
            return new Project.Unknown(name, "no release data for " + name + " is available offline");
        }
        ReleaseFacts f = facts.get();
        List<Release> releases = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Version> noFile = new ArrayList<>();
        List<Release> known = new ArrayList<>();
        for (ReleaseFact r : f.releases()) {
            known.add(release(f, r));
            if (r.wheels().isPresent() && !r.wheels().get().installsOn(target.pythonLine(), target.platform()) && !r.sdistOnly()
                    || olderThanThePython(f, r)) {
                noFile.add(r.version());
                continue;
            }
            SpecifierSet python = r.requiresPython().orElse(SpecifierSet.any());
            if (!python.contains(target.pythonFull(), true)) {
                skipped.add(r.version() + " Requires-Python " + python);
                continue;
            }
            releases.add(release(f, r));
        }
        skipped.sort(null);
        Project.Unlisted unlisted = f.completeAsOf().<Project.Unlisted>map(d -> new Project.After(d.toString()))
                .orElse(onlyOlderThanThePython(f) ? new Project.None()
                        : new Project.Any("the bundled list of " + name + " releases is not complete"));
        if (matrix.releaseFacts(name).isEmpty()) {
            unlisted = VariantReleases.unlisted(matrix, name, this, unlisted);
        }
        return new Project.Listed(name, releases, unlisted, skipped, noFile, Origins.of(f.citation()), known);
    }

    /**
     * A release of a package with compiled code, with no wheel list of its own, published more than a year before
     * the target's CPython line first came out: no wheel for that line can exist (wheels are built with the
     * interpreter, whose first betas come months before its release), and its sdist predates the interpreter's C
     * API, so pip has nothing it can install (numpy 1.11.3, 2016, on Python 3.11). The year is a margin that
     * keeps real cases out: numpy 1.26.0 (tagged 2023-09-16) supports Python 3.12 (released 2023-10-02), per its release notes.
     */
    private boolean olderThanThePython(ReleaseFacts f, ReleaseFact r) {
        // Wheels known only by platform say nothing of the Pythons: the age still tells.
        boolean pythonsKnown = r.wheels().isPresent() && (r.wheels().get().pure() || !r.wheels().get().pythons().isEmpty());
        return f.binary() && !pythonsKnown && olderThanThePython(r.publishedOnOrBefore());
    }

    private boolean olderThanThePython(Optional<java.time.LocalDate> published) {
        Optional<java.time.LocalDate> python = matrix.python(target.pythonMinor()).map(p -> p.released());
        return published.isPresent() && python.isPresent() && published.get().plusYears(1).isBefore(python.get());
    }

    /**
     * Whether every release of a package with compiled code that the list lacks came out more than a year before the
     * target's CPython line (the list is complete from a day on, {@code complete-from}): none of them has a wheel for it,
     * so pip sees only listed releases (tensorflow-addons on Python 3.12: "from versions: none").
     */
    private boolean onlyOlderThanThePython(ReleaseFacts f) {
        return f.binary() && f.completeFrom().isPresent() && olderThanThePython(f.completeFrom());
    }

    /**
     * Whether a release of {@code version} the list lacks may exist: a list complete as of a day rules out a
     * version older than that day ({@link Project.After}); an incomplete list rules out nothing.
     */
    public static boolean mayExist(ReleaseFacts f, Version version) {
        if (f.release(version).isPresent()) {
            return true;
        }
        if (f.completeAsOf().isEmpty()) {
            return true;
        }
        List<Release> known = f.releases().stream().map(r -> release(f, r)).toList();
        return new Project.After(f.completeAsOf().get().toString()).mayExist(version, known);
    }

    /**
     * The release as the catalog shows it, with its exact date, else the {@code by} day of the first listing
     * that shows it: enough to judge whether its series was still maintained when the list was made (an
     * unlisted patch of a series long finished does not exist), while an install as of a past day leaves out
     * the releases whose exact date, or whose floor ({@link ReleaseFloors}), is later.
     */
    private static Release release(ReleaseFacts f, ReleaseFact r) {
        Origin origin = Origins.of(r.citation());
        Metadata md = r.requiresDist().isPresent()
                ? new Metadata.Known(r.requiresDist().get(), r.requiresPython().orElse(SpecifierSet.any()), r.extras(), origin)
                : new Metadata.Unknown("the dependencies of " + f.name() + " " + r.version() + " are not in the bundled metadata", origin);
        return new Release(r.version(), r.yanked(), r.date(), List.of(), () -> md, r.date().isPresent() ? Optional.empty() : r.publishedOnOrBefore());
    }
}
