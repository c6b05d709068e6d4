package io.kompat.provider;

import io.kompat.index.IndexSources;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.PythonLine;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.resolve.Cause;
import io.kompat.resolve.DependencyProvider;
import io.kompat.resolve.Explainer;
import io.kompat.resolve.FixFinder;
import io.kompat.resolve.Incompatibility;
import io.kompat.origin.Origin;
import io.kompat.resolve.Resolution;
import io.kompat.resolve.RootRequirement;
import io.kompat.resolve.Solver;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kompat check}: the manifest's requirements resolved against the matrix for a target, with an
 * explanation and minimal fixes when they conflict. When no Python is given or pinned in the input, the
 * newest Python with a consistent resolution is taken (and said so).
 */
public final class Checker {
    private final CompatibilityMatrix matrix;
    private final IndexSources sources;

    public Checker(CompatibilityMatrix matrix) {
        this(matrix, null);
    }

    /** A checker that also consults {@code sources} (null or empty: the matrix alone). */
    public Checker(CompatibilityMatrix matrix, IndexSources sources) {
        this.matrix = matrix;
        this.sources = sources == null || sources.sources().isEmpty() ? null : sources;
    }

    /** The provider for {@code target}: the matrix, with the package sources when there are any. */
    public DependencyProvider provider(Target target) {
        return providerFor(target);
    }

    private DependencyProvider providerFor(Target target) {
        MatrixProvider m = new MatrixProvider(matrix, target, sources == null);
        return sources == null ? m : new IndexedProvider(m, sources, target);
    }

    /**
     * Options of a check; {@code python} and {@code platform} may be null for the defaults.
     * {@code required} are extra requirements that must hold and that fixes may not change.
     */
    public record Options(String python, Platform platform, List<io.kompat.requirement.Requirement> required,
            Map<PackageName, Version> preferred, String preferredFrom) {
        public Options(String python, Platform platform) {
            this(python, platform, List.of());
        }

        public Options(String python, Platform platform, List<io.kompat.requirement.Requirement> required) {
            this(python, platform, required, Map.of(), null);
        }

        /**
         * @param preferred versions to keep where the requirements allow (a previous lockfile's pins); each is
         *     dropped only when it stands in the way, with what must follow it
         * @param preferredFrom where the preferred versions come from, for messages
         */
        public Options {
            required = List.copyOf(required);
            preferred = Map.copyOf(preferred);
        }
    }

    public CheckResult check(Manifest manifest, Options options) {
        Platform platform = options.platform() != null ? options.platform()
                : manifest.platform().map(Platform::fromId).orElse(Platform.LINUX_X86_64);
        if (options.python() != null) {
            return checkFor(manifest, new Target(options.python(), platform), "given", options);
        }
        if (manifest.python().isPresent()) {
            return checkFor(manifest, new Target(manifest.python().get(), platform), "pinned in the input", options);
        }
        CheckResult best = null;
        for (PythonLine line : pythonsNewestFirst()) {
            CheckResult r = checkFor(manifest, new Target(line.version(), platform), "the newest Python the requirements allow", options);
            if (r.consistent()) {
                return r;
            }
            if (best == null || better(r, best)) {
                best = r;
            }
        }
        return new CheckResult(best.manifest(), best.target(),
                "no Python makes the requirements consistent; shown for the newest Python with the smallest fix", null,
                best.failure(), best.explanation(), best.fixes(), best.unchecked(), best.skipped(), best.warnings());
    }

    /** Prefers a failure with a fix, then the smallest fix, then one that does not hinge on the Python. */
    private static boolean better(CheckResult candidate, CheckResult best) {
        if (candidate.fixes().isEmpty() != best.fixes().isEmpty()) {
            return !candidate.fixes().isEmpty();
        }
        if (!candidate.fixes().isEmpty()) {
            int a = candidate.fixes().get(0).changes().size();
            int b = best.fixes().get(0).changes().size();
            if (a != b) {
                return a < b;
            }
            long costA = candidate.fixes().get(0).cost();
            long costB = best.fixes().get(0).cost();
            if (costA != costB) {
                return costA < costB;
            }
        }
        return dependsOnPython(best.failure()) && !dependsOnPython(candidate.failure());
    }

    private List<PythonLine> pythonsNewestFirst() {
        return matrix.pythons().stream().sorted(Comparator.comparing((PythonLine p) -> Version.parse(p.version())).reversed()).toList();
    }

    private static boolean dependsOnPython(Incompatibility failure) {
        for (Incompatibility leaf : Explainer.leaves(failure)) {
            if (leaf.cause() instanceof Cause.External e && e.kind() == Cause.Kind.PYTHON) {
                return true;
            }
        }
        return false;
    }

    CheckResult checkFor(Manifest manifest, Target target, String reason, Options options) {
        List<io.kompat.requirement.Requirement> required = options.required();
        Map<String, String> env = target.environment().asMap();
        List<RootRequirement> roots = new ArrayList<>();
        List<CheckResult.Unchecked> unchecked = new ArrayList<>();
        List<ManifestEntry> skipped = new ArrayList<>();
        roots.add(new RootRequirement(MatrixProvider.PYTHON, VersionSet.exactly(target.pythonVersion()), false,
                Origin.target("the target " + target), "==" + target.python()));
        for (ManifestEntry e : manifest.entries()) {
            if (!e.isCheckable()) {
                unchecked.add(new CheckResult.Unchecked(e.name() == null ? e.text() : e.name().value(), e.location().toString(),
                        e.uncheckableReason().orElse("not checkable")));
                continue;
            }
            if (e.marker() != null && !markerHolds(e, env, unchecked)) {
                skipped.add(e);
                continue;
            }
            PackageName name = e.name();
            String written = e.specifiers().toString();
            Origin origin = Origin.input(e.location().file() + ":" + e.location().line());
            roots.add(new RootRequirement(name, VersionSet.of(e.specifiers()), e.isConstraint(), origin, written.isEmpty() ? "(any version)" : written));
            if (sources != null && !e.isConstraint()) {
                // An extra's dependencies are known only from index metadata; the matrix alone has nothing to add.
                for (String extra : e.extras()) {
                    roots.add(new RootRequirement(name.withExtra(extra), VersionSet.of(e.specifiers()), false, origin,
                            "[" + extra + "]" + (written.isEmpty() ? "" : written)));
                }
            }
        }
        for (io.kompat.requirement.Requirement r : required) {
            roots.add(new RootRequirement(r.name(), VersionSet.of(r.specifiers()), false, Origin.target("needed: " + r), r.specifiers().toString(), false));
        }
        DependencyProvider provider = providerFor(target);
        if (provider instanceof IndexedProvider indexed) {
            indexed.prefetch(roots.stream().map(RootRequirement::pkg).toList());
        }
        Resolution resolution = solveKeeping(provider, roots, options);
        if (provider instanceof IndexedProvider indexed) {
            indexed.problems().forEach((what, why) -> unchecked.add(new CheckResult.Unchecked(what, null, "package source: " + why)));
        }
        if (resolution instanceof Resolution.Solved solved) {
            solved.unverified().forEach((pkg, why) -> unchecked.add(new CheckResult.Unchecked(pkg.value(), null, why)));
            List<CheckResult.Warning> warnings = new ArrayList<>(
                    OpenRanges.find(matrix, target.platform(), manifest.entries().stream().filter(e -> !skipped.contains(e)).toList(), solved));
            if (provider instanceof IndexedProvider indexed) {
                indexed.notes().forEach((what, note) -> {
                    String[] nameVersion = what.split(" ", 2);
                    Version chosen = solved.versions().get(PackageName.of(nameVersion[0]));
                    if (chosen != null && chosen.toString().equals(nameVersion[1])) {
                        warnings.add(CheckResult.Warning.aboutSources(what + ": " + note));
                    }
                });
            }
            return new CheckResult(manifest, target, reason, solved, null, List.of(), List.of(), unchecked, skipped, warnings);
        }
        Incompatibility failure = ((Resolution.NoSolution) resolution).cause();
        List<FixFinder.Fix> fixes = FixFinder.find(provider, roots, failure, 3, 3);
        return new CheckResult(manifest, target, reason, null, failure, Explainer.explain(failure), fixes, unchecked, skipped, List.of());
    }

    /**
     * Solves {@code roots} keeping the preferred versions as constraints; a preferred version that takes part
     * in a conflict is let go (with any other that does) and the solve repeated, so only what must change
     * changes. Without preferences, or when letting go of them all still fails, this is a plain solve.
     */
    private static Resolution solveKeeping(DependencyProvider provider, List<RootRequirement> roots, Options options) {
        Map<PackageName, Version> kept = new TreeMap<>(Comparator.comparing(PackageName::value));
        kept.putAll(options.preferred());
        String from = "kept from " + (options.preferredFrom() == null ? "the previous lock" : options.preferredFrom()) + ": ";
        while (!kept.isEmpty()) {
            List<RootRequirement> all = new ArrayList<>(roots);
            Map<Origin, PackageName> keptBy = new HashMap<>();
            kept.forEach((pkg, v) -> {
                Origin origin = Origin.target(from + pkg + "==" + v);
                keptBy.put(origin, pkg);
                all.add(new RootRequirement(pkg, VersionSet.exactly(v), true, origin, "==" + v, false));
            });
            Resolution r = Solver.solveRoots(provider, all);
            if (r instanceof Resolution.Solved) {
                return r;
            }
            boolean dropped = false;
            for (Incompatibility leaf : Explainer.leaves(((Resolution.NoSolution) r).cause())) {
                if (leaf.cause() instanceof Cause.External e && keptBy.containsKey(e.origin())) {
                    dropped |= kept.remove(keptBy.get(e.origin())) != null;
                }
            }
            if (!dropped) {
                break;
            }
        }
        return Solver.solveRoots(provider, roots);
    }

    private static boolean markerHolds(ManifestEntry e, Map<String, String> env, List<CheckResult.Unchecked> unchecked) {
        try {
            return e.marker().evaluate(env);
        } catch (MarkerEvaluationException ex) {
            unchecked.add(new CheckResult.Unchecked(e.name().value(), e.location().toString(), "marker cannot be evaluated: " + ex.getMessage()));
            return true;
        }
    }
}
