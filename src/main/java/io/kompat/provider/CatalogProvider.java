package io.kompat.provider;

import io.kompat.matrix.ReleaseLists;
import io.kompat.origin.Origin;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.resolve.Cause;
import io.kompat.resolve.DependencyProvider;
import io.kompat.resolve.Incompatibility;
import io.kompat.resolve.Term;
import io.kompat.target.Target;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything kompat knows, as the solver's port: the release metadata pip sees (from a
 * {@link ReleaseCatalog}) and the runtime rules pip does not know. A solution of this provider is an
 * install that works; its derivations explain why none does. Versions nobody lists are guessed within the
 * range asked for, and said to be guesses.
 */
public final class CatalogProvider implements DependencyProvider {
    /** The target Python, a package of the solver's universe (its versions: the target's). */
    public static final PackageName PYTHON = PackageName.of("python");
    private final ReleaseCatalog catalog;
    private final RuntimeRules rules;
    private final Target target;
    private final Map<String, String> markers;
    private final boolean knownOnly;

    public CatalogProvider(ReleaseCatalog catalog, io.kompat.matrix.CompatibilityMatrix matrix, Target target) {
        this(catalog, matrix, target, java.util.Set.of());
    }

    private CatalogProvider(CatalogProvider of, boolean knownOnly) {
        this.catalog = of.catalog;
        this.rules = of.rules;
        this.target = of.target;
        this.markers = of.markers;
        this.knownOnly = knownOnly;
    }

    /**
     * This provider without the listed releases whose dependencies no source gives, but a pinned one and those of
     * a project none of whose releases says what it needs (scipy, whose release facts give Pythons only), and
     * without an unpinned release a list not claimed complete may lack: a solve that finds its set among releases
     * that say what they need. Taking an unknown release as needing nothing would otherwise let it end a search that
     * a known one would have had to go on with (keras 3.3.3 needs a TensorFlow: tensorflow 2.20.0, dependencies
     * unknown, instead of 2.17.1, which names the ml-dtypes keras works with; tensorflow-text "assumed to exist"
     * for tensorflow 2.19.1 instead of the listed 2.18.1 for tensorflow 2.18.1).
     */
    public CatalogProvider knownDependenciesOnly() {
        return new CatalogProvider(this, true);
    }

    /**
     * @param named the packages the input names: a rule's run-time need of a distribution (keras 2.4 needs
     *     tensorflow) is met by the one of them that installs the same import package (tensorflow-gpu)
     */
    public CatalogProvider(ReleaseCatalog catalog, io.kompat.matrix.CompatibilityMatrix matrix, Target target,
            java.util.Set<PackageName> named) {
        this(catalog, matrix, target, named, names -> true);
    }

    /**
     * @param codeMayUse whether the project's code may use one of some names: a rule only code using them hits
     *     ({@code code-uses}) is left out when it says no
     */
    public CatalogProvider(ReleaseCatalog catalog, io.kompat.matrix.CompatibilityMatrix matrix, Target target,
            java.util.Set<PackageName> named, java.util.function.Predicate<List<String>> codeMayUse) {
        this.catalog = catalog;
        this.rules = new RuntimeRules(matrix, target.platform(), named, codeMayUse);
        this.target = target;
        this.markers = target.markers().withExtra("");
        this.knownOnly = false;
    }

    @Override
    public int priority(PackageName pkg) {
        if (pkg.equals(PYTHON)) {
            return 1;
        }
        return catalog.project(pkg.base()) instanceof Project.Listed ? 0 : 2;
    }

    @Override
    public Choice choose(PackageName pkg, VersionSet allowed) {
        if (pkg.equals(PYTHON)) {
            return allowed.contains(target.pythonFull()) ? new Chosen(target.pythonFull(), null)
                    : new NoVersion(Origin.target("the target " + target), "the target is " + target);
        }
        Project project = catalog.project(pkg.base());
        if (project instanceof Project.Listed listed) {
            Version pinned = allowed.pinnedVersion();
            // Releases whose dependencies a source gives come first: one with unknown dependencies is taken as
            // needing nothing, so it would otherwise win over every release that says what it needs.
            Release best = newest(listed, allowed, pinned, true);
            Release unknownDependencies = best == null ? newest(listed, allowed, pinned, false) : null;
            if (unknownDependencies != null && knownOnly && pinned == null
                    && listed.releases().stream().anyMatch(r -> !(r.metadata().get() instanceof Metadata.Unknown))) {
                return new NoVersion(listed.origin(), "only releases of " + pkg.base() + " whose dependencies are unknown are left");
            }
            best = best != null ? best : unknownDependencies;
            if (best != null) {
                return new Chosen(best.version(), best.metadata().get() instanceof Metadata.Unknown u ? u.reason() : null);
            }
            if (listed.mayHaveUnlisted(allowed) && !(knownOnly && pinned == null)) {
                Version guess = pinned != null ? pinned : allowed.sample();
                if (guess != null) {
                    return new Chosen(guess, "not among the known releases of " + pkg.base() + "; assumed to exist");
                }
            }
            if (pinned != null && listed.known().stream().noneMatch(r -> r.version().equals(pinned))) {
                return new NoVersion(listed.origin(), ReleaseLists.noSuchRelease(pkg.base(), pinned,
                        listed.known().stream().map(Release::version).toList()));
            }
            return new NoVersion(listed.origin(), "no release of " + pkg.base() + " in this range installs on " + target);
        }
        if (project instanceof Project.Absent absent) {
            return new NoVersion(absent.origin(), "the index has no project " + pkg.base());
        }
        Version guess = allowed.pinnedVersion() != null ? allowed.pinnedVersion() : allowed.sample();
        return guess == null ? new NoVersion(Origin.target("kompat's knowledge"), "no version fits")
                : new Chosen(guess, ((Project.Unknown) project).reason());
    }

    /** The newest release in {@code allowed} (a final before a pre-release), among those with known dependencies if asked. */
    private static Release newest(Project.Listed listed, VersionSet allowed, Version pinned, boolean knownDependencies) {
        Release best = null;
        for (Release r : listed.releases()) {
            if (allowed.contains(r.version()) && (!r.isYanked() || r.version().equals(pinned))
                    && !(knownDependencies && r.metadata().get() instanceof Metadata.Unknown)
                    && (best == null || (best.version().isPrerelease() && !r.version().isPrerelease()))) {
                best = r;
                if (!r.version().isPrerelease()) {
                    break;
                }
            }
        }
        return best;
    }

    @Override
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
        List<Incompatibility> out = new ArrayList<>();
        if (pkg.equals(PYTHON)) {
            return out;
        }
        Term self = Term.positive(pkg, VersionSet.exactly(version));
        if (pkg.extra() != null) {
            out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, Origin.target(pkg.base() + " " + version), null, self,
                    Term.negative(pkg.base(), VersionSet.exactly(version))));
        } else {
            out.addAll(rules.of(pkg, version));
        }
        Release release = release(pkg.base(), version);
        if (release != null && release.metadata().get() instanceof Metadata.Known md) {
            if (pkg.extra() == null && !md.requiresPython().isEmpty()) {
                out.add(Incompatibility.external(Cause.Kind.PYTHON, md.origin(), "Requires-Python " + md.requiresPython(), self,
                        Term.negative(PYTHON, VersionSet.of(md.requiresPython()))));
            }
            for (Requirement r : md.requiresDist()) {
                if (r.url().isPresent() || r.name().equals(pkg.base()) || !applies(r, pkg.extra())) {
                    continue;
                }
                VersionSet range = VersionSet.of(r.specifiers());
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, md.origin(), null, self, Term.negative(r.name(), range)));
                for (String extra : r.normalizedExtras()) {
                    out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, md.origin(), null, self, Term.negative(r.name().withExtra(extra), range)));
                }
            }
        }
        return out;
    }

    private Release release(PackageName name, Version version) {
        if (catalog.project(name) instanceof Project.Listed listed) {
            for (Release r : listed.releases()) {
                if (r.version().equals(version)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** With {@code extra} null: entries without extras; with an extra: the entries only that extra adds. */
    private boolean applies(Requirement r, String extra) {
        if (r.marker().isEmpty()) {
            return extra == null;
        }
        try {
            boolean plain = r.marker().get().evaluate(markers);
            return extra == null ? plain : !plain && r.marker().get().evaluate(target.markers().withExtra(extra));
        } catch (MarkerEvaluationException e) {
            return false;
        }
    }
}
