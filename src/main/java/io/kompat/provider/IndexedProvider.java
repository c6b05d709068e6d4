package io.kompat.provider;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.IndexSources;
import io.kompat.index.IndexUnreachableException;
import io.kompat.index.TargetTags;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.resolve.Cause;
import io.kompat.resolve.DependencyProvider;
import io.kompat.resolve.Incompatibility;
import io.kompat.origin.Origin;
import io.kompat.resolve.Term;
import io.kompat.version.InvalidSpecifierException;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The matrix's facts plus what the package sources say, for one target. Index releases with a wheel for
 * the target (or a source distribution) and a matching {@code Requires-Python} are candidates, and their
 * {@code Requires-Dist} (under the target's markers) and {@code Requires-Python} become incompatibilities
 * beside the matrix rules. A release no source lists is only ruled out when a remote index answered
 * (its list is complete); a local mirror that lacks a release says nothing about it.
 */
public final class IndexedProvider implements DependencyProvider {
    private final MatrixProvider matrix;
    private final IndexSources sources;
    private final Target target;
    private final TargetTags tags;
    private final Map<String, String> markerEnv;
    private final Map<PackageName, IndexSources.Lookup> lookups = new HashMap<>();
    private final Map<PackageName, TreeMap<Version, List<DistributionFile>>> installableByPackage = new HashMap<>();
    private final Set<PackageName> prefetched = ConcurrentHashMap.newKeySet();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    /**
     * Extras are virtual packages ({@link PackageName#withExtra}): {@code b[x]} at version v needs {@code b}
     * at v and the Requires-Dist entries of b that apply only with extra x.
     */
    public IndexedProvider(MatrixProvider matrix, IndexSources sources, Target target) {
        this.matrix = matrix;
        this.sources = sources;
        this.target = target;
        Version py = target.pythonVersion();
        this.tags = new TargetTags(py.releasePart(0).intValue(), py.releasePart(1).intValue(), target.platform());
        Map<String, String> env = new HashMap<>(target.environment().asMap());
        env.put("extra", "");
        this.markerEnv = Map.copyOf(env);
    }

    /** Things worth knowing about the index data used (wheels of one release that disagree), by package and version. */
    public Map<String, String> notes() {
        return notes;
    }

    /** One line per source or file that could not be read, for the report's unchecked list. */
    public Map<String, String> problems() {
        return problems;
    }

    /**
     * Starts fetching the pages of {@code names}, the metadata of their likely versions, and so on down
     * their dependencies, all in parallel: the wait is about the depth of the dependency tree times the
     * latency, not the number of packages.
     */
    public void prefetch(Collection<PackageName> names) {
        List<PackageName> fresh = names.stream().map(PackageName::base).filter(n -> !n.equals(MatrixProvider.PYTHON) && prefetched.add(n)).toList();
        if (!fresh.isEmpty()) {
            sources.prefetch(fresh, this::likelyFile, md -> prefetch(dependencies(md, null).stream().map(Requirement::name).toList()));
        }
    }

    private Optional<DistributionFile> likelyFile(List<DistributionFile> files) {
        return installable(files).entrySet().stream().filter(e -> !e.getKey().isPrerelease()).findFirst()
                .map(e -> e.getValue().get(0));
    }

    @Override
    public int priority(PackageName pkg) {
        return matrix.priority(pkg.base());
    }

    private IndexSources.Lookup lookup(PackageName pkg) {
        return lookups.computeIfAbsent(pkg, p -> {
            IndexSources.Lookup l = sources.lookup(p);
            l.problems().forEach(m -> problems.putIfAbsent(p.value(), m));
            return l;
        });
    }

    /** {@link #installable} of everything the sources offer for {@code pkg}, computed once per package. */
    private TreeMap<Version, List<DistributionFile>> installableOf(PackageName pkg) {
        return installableByPackage.computeIfAbsent(pkg, p -> installable(lookup(p).files()));
    }

    /** Versions with an installable file for the target, newest first, each with its files (best first). */
    private TreeMap<Version, List<DistributionFile>> installable(List<DistributionFile> files) {
        TreeMap<Version, List<DistributionFile>> out = new TreeMap<>(Comparator.reverseOrder());
        for (DistributionFile f : files) {
            if (f.wheel() != null ? tags.compatible(f.wheel()) : true) {
                if (pythonAllows(f.requiresPython())) {
                    out.computeIfAbsent(f.version(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparing((DistributionFile f) -> f.wheel() == null)));
        return out;
    }

    private boolean pythonAllows(String requiresPython) {
        if (requiresPython == null || requiresPython.isBlank()) {
            return true;
        }
        try {
            return SpecifierSet.parse(requiresPython).contains(target.pythonVersion(), true);
        } catch (InvalidSpecifierException e) {
            return true;
        }
    }

    @Override
    public Choice choose(PackageName pkg, VersionSet allowed) {
        if (pkg.extra() != null) {
            return choose(pkg.base(), allowed);
        }
        Choice fromMatrix = matrix.choose(pkg, allowed);
        if (pkg.equals(MatrixProvider.PYTHON)) {
            return fromMatrix;
        }
        IndexSources.Lookup l = lookup(pkg);
        Version pinned = allowed.pinnedVersion();
        Version best = null;
        TreeMap<Version, List<DistributionFile>> candidates = installableOf(pkg);
        for (Map.Entry<Version, List<DistributionFile>> e : candidates.entrySet()) {
            Version v = e.getKey();
            boolean yanked = e.getValue().stream().allMatch(DistributionFile::isYanked);
            if (!allowed.contains(v) || (yanked && !v.equals(pinned))) {
                continue;
            }
            if (best == null || (best.isPrerelease() && !v.isPrerelease())) {
                best = v;
                if (!v.isPrerelease()) {
                    break;
                }
            }
        }
        // An index that answered replaces the bundled release metadata of a package (its list is what pip sees).
        boolean indexReplaces = l.remoteAnswered() && !l.files().isEmpty() && matrix.hasReleaseMetadata(pkg);
        if (best != null) {
            if (!indexReplaces && fromMatrix instanceof Chosen c && c.unverified() == null && c.version().compareTo(best) > 0
                    && (best.isPrerelease() || !c.version().isPrerelease())) {
                return fromMatrix;
            }
            if (candidates.get(best).stream().noneMatch(f -> f.wheel() != null)) {
                return new Chosen(best, "only a source distribution of " + pkg + " " + best
                        + " is offered: its dependencies are not known without building it, which kompat never does");
            }
            return new Chosen(best, null);
        }
        if (l.remoteAnswered() && (indexReplaces || !(fromMatrix instanceof Chosen c && c.unverified() == null))) {
            return new NoVersion(indexOrigin(pkg + " releases"), l.files().isEmpty() ? "the index has no project " + pkg
                    : "no release of " + pkg + " in this range has a file for " + target + " (index)");
        }
        return fromMatrix;
    }

    private Origin indexOrigin(String label) {
        return new Origin(Origin.Kind.INDEX, label, null, List.of(), true);
    }

    @Override
    public List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
        if (pkg.extra() != null) {
            return extraIncompatibilities(pkg, version);
        }
        List<DistributionFile> files = pkg.equals(MatrixProvider.PYTHON) ? null : installableOf(pkg).get(version);
        // The index's metadata of a release it offers replaces the bundled metadata of that release.
        List<Incompatibility> out = new ArrayList<>(matrix.incompatibilitiesFor(pkg, version, files == null));
        if (pkg.equals(MatrixProvider.PYTHON)) {
            return out;
        }
        if (files == null) {
            return out;
        }
        DistributionFile file = files.get(0);
        Term self = Term.positive(pkg, VersionSet.exactly(version));
        Origin origin = indexOrigin(pkg + " " + version + " metadata");
        Optional<CoreMetadata> md = metadataOf(pkg, version, file);
        String requiresPython = file.requiresPython() != null ? file.requiresPython() : md.map(CoreMetadata::requiresPython).orElse(null);
        if (requiresPython != null && !requiresPython.isBlank()) {
            try {
                out.add(Incompatibility.external(Cause.Kind.PYTHON, origin, "Requires-Python " + requiresPython, self,
                        Term.negative(MatrixProvider.PYTHON, VersionSet.of(SpecifierSet.parse(requiresPython)))));
            } catch (InvalidSpecifierException e) {
                problems.putIfAbsent(pkg + " " + version, "invalid Requires-Python '" + requiresPython + "'");
            }
        }
        if (md.isPresent() && file.wheel() != null && matrix.curates(pkg)) {
            compareWheels(pkg, version, file, md.get());
        }
        if (md.isPresent()) {
            List<Requirement> deps = dependencies(md.get(), null);
            addDependencies(out, pkg, self, origin, deps);
            prefetch(deps.stream().map(Requirement::name).toList());
        }
        return out;
    }

    /**
     * Reads the metadata of up to eight other wheels of a curated release (one per platform tag set) and
     * notes when their Requires-Dist differ from the wheel used for the target (TensorFlow 2.11 to 2.16
     * declare different dependencies on Windows and macOS, for example).
     */
    private void compareWheels(PackageName pkg, Version version, DistributionFile used, CoreMetadata usedMd) {
        Map<String, DistributionFile> byPlatform = new LinkedHashMap<>();
        for (DistributionFile f : lookup(pkg).files()) {
            if (f.version().equals(version) && f.wheel() != null && !f.filename().equals(used.filename())) {
                byPlatform.putIfAbsent(String.join(".", f.wheel().platformTags()), f);
            }
        }
        List<DistributionFile> others = byPlatform.values().stream().limit(8).toList();
        sources.prefetchMetadata(others);
        Set<String> mine = requiresSet(usedMd);
        for (DistributionFile f : others) {
            try {
                Optional<CoreMetadata> md = sources.metadata(f);
                if (md.isPresent() && !requiresSet(md.get()).equals(mine)) {
                    Set<String> added = new TreeSet<>(requiresSet(md.get()));
                    added.removeAll(mine);
                    Set<String> missing = new TreeSet<>(mine);
                    missing.removeAll(requiresSet(md.get()));
                    notes.putIfAbsent(pkg + " " + version, "its wheels do not all declare the same dependencies: " + f.filename()
                            + (added.isEmpty() ? "" : " adds " + String.join(", ", added))
                            + (missing.isEmpty() ? "" : (added.isEmpty() ? "" : " and") + " lacks " + String.join(", ", missing))
                            + "; kompat used " + used.filename() + ", the wheel for " + target);
                    return;
                }
            } catch (IndexException e) {
                // Only a comparison: a wheel whose metadata cannot be read is left out of it.
            }
        }
    }

    private static Set<String> requiresSet(CoreMetadata md) {
        Set<String> out = new TreeSet<>();
        md.requiresDist().forEach(r -> out.add(r.toString()));
        return out;
    }

    /** {@code pkg[x]} at {@code version}: the distribution itself at that version, and what extra x adds. */
    private List<Incompatibility> extraIncompatibilities(PackageName pkg, Version version) {
        List<Incompatibility> out = new ArrayList<>();
        Term self = Term.positive(pkg, VersionSet.exactly(version));
        Origin origin = indexOrigin(pkg.base() + " " + version + " extra '" + pkg.extra() + "'");
        out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, self, Term.negative(pkg.base(), VersionSet.exactly(version))));
        List<DistributionFile> files = installableOf(pkg.base()).get(version);
        if (files == null) {
            return out;
        }
        Optional<CoreMetadata> md = metadataOf(pkg, version, files.get(0));
        if (md.isPresent()) {
            List<Requirement> deps = dependencies(md.get(), pkg.extra());
            addDependencies(out, pkg, self, origin, deps);
            prefetch(deps.stream().map(Requirement::name).toList());
        }
        return out;
    }

    /**
     * The metadata of {@code file}; empty when it cannot be had. A source that is offline or down was
     * reported once already; any other failure is recorded for the report.
     */
    private Optional<CoreMetadata> metadataOf(PackageName pkg, Version version, DistributionFile file) {
        try {
            return sources.metadata(file);
        } catch (IndexUnreachableException e) {
            return Optional.empty();
        } catch (IndexException e) {
            problems.putIfAbsent(pkg + " " + version, e.getMessage());
            return Optional.empty();
        }
    }

    /** One incompatibility per dependency, and one per extra a dependency asks for ({@code b[x]>=1} needs b[x] too). */
    private static void addDependencies(List<Incompatibility> out, PackageName pkg, Term self, Origin origin, List<Requirement> deps) {
        for (Requirement r : deps) {
            if (r.name().equals(pkg.base())) {
                continue;
            }
            VersionSet range = VersionSet.of(r.specifiers());
            out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, self, Term.negative(r.name(), range)));
            for (String extra : r.normalizedExtras()) {
                out.add(Incompatibility.external(Cause.Kind.DEPENDENCY, origin, null, self, Term.negative(r.name().withExtra(extra), range)));
            }
        }
    }

    /**
     * The Requires-Dist entries that apply on the target: with {@code extra} null, those that apply without
     * extras; with an extra, those that apply only with it.
     */
    private List<Requirement> dependencies(CoreMetadata md, String extra) {
        List<Requirement> out = new ArrayList<>();
        for (Requirement r : md.requiresDist()) {
            if (r.url().isPresent()) {
                continue;
            }
            boolean plain = applies(r, markerEnv);
            if (extra == null ? plain : !plain && applies(r, withExtra(extra))) {
                out.add(r);
            }
        }
        return out;
    }

    private Map<String, String> withExtra(String extra) {
        Map<String, String> env = new HashMap<>(markerEnv);
        env.put("extra", extra);
        return env;
    }

    private static boolean applies(Requirement r, Map<String, String> env) {
        try {
            return r.marker().isEmpty() || r.marker().get().evaluate(env);
        } catch (MarkerEvaluationException e) {
            // A marker the target cannot evaluate (an unknown variable) is not applied, as pip does not install it.
            return false;
        }
    }
}
