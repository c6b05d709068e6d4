package io.kompat.check;

import io.kompat.manifest.ManifestEntry;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.origin.Origin;
import io.kompat.predict.PredictRequest;
import io.kompat.predict.Prediction;
import io.kompat.predict.Predictor;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.predict.Wanted;
import io.kompat.provider.CatalogProvider;
import io.kompat.requirement.MarkerEvaluationException;
import io.kompat.requirement.Platform;
import io.kompat.resolve.Explainer;
import io.kompat.resolve.RootRequirement;
import io.kompat.target.Target;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code kompat check}: predicts what pip installs for the target from release metadata alone, evaluates
 * that install against the runtime rules, says one verdict, and searches the smallest edits that make the
 * prediction work.
 */
public final class CheckService {
    private final CompatibilityMatrix matrix;
    private final Function<Target, ReleaseCatalog> catalogs;
    /** One catalog per target for the life of the service: the pages and metadata it read are read once. */
    private final Map<Target, ReleaseCatalog> catalogMemo = new ConcurrentHashMap<>();
    /** Each prediction once: the target choice, the fix search and the other Pythons ask for the same ones. */
    private final Map<Asked, Outcome> outcomes = new ConcurrentHashMap<>();

    private final InstallCheck extra;
    /** With {@code --as-of}: Python lines released later are neither targets nor fixes. */
    private final java.time.LocalDate asOf;

    /** {@code catalogs} gives, per target, the release metadata pip would see (package sources, bundled data). */
    public CheckService(CompatibilityMatrix matrix, Function<Target, ReleaseCatalog> catalogs) {
        this(matrix, catalogs, InstallCheck.NONE, null);
    }

    /** As of {@code asOf} (null: today): the catalogs should leave out later releases, and this leaves out later Pythons. */
    public CheckService(CompatibilityMatrix matrix, Function<Target, ReleaseCatalog> catalogs, java.time.LocalDate asOf) {
        this(matrix, catalogs, InstallCheck.NONE, asOf);
    }

    private CheckService(CompatibilityMatrix matrix, Function<Target, ReleaseCatalog> catalogs, InstallCheck extra, java.time.LocalDate asOf) {
        this.matrix = matrix;
        this.catalogs = t -> catalogMemo.computeIfAbsent(t, catalogs);
        this.extra = extra;
        this.asOf = asOf;
    }

    /** The day the service predicts pip as of, if not today. */
    public java.util.Optional<java.time.LocalDate> asOf() {
        return java.util.Optional.ofNullable(asOf);
    }

    /** A service that also asks {@code check} of every install it predicts (the project's code, say); same catalogs. */
    public CheckService with(InstallCheck check) {
        return new CheckService(matrix, catalogs, check, asOf);
    }

    private record Asked(List<Wanted> wanted, Target target, boolean pre) {
    }

    public CheckResult check(CheckRequest request) {
        Input input = Input.of(request.manifest(), matrix).preferring(request.preferred());
        input = input.installed(request.installed());
        Platform platform = request.platform() != null ? request.platform()
                : request.manifest().platform().map(Platform::fromId).orElse(Platform.LINUX_X86_64);
        List<TargetCheck> checks = new ArrayList<>();
        String note = null;
        PythonBound bound = PythonBound.of(request.manifest());
        if (request.python() instanceof PythonChoice.Given g) {
            checks.add(checkFor(input, Target.of(g.python(), platform), bound.admits(g.python()) ? "given"
                    : "given; outside " + bound.describe() + ", where pip refuses to install the project itself", request.maxFixes()));
        } else if (request.python() instanceof PythonChoice.All) {
            for (Version line : bound.filter(lines(platform))) {
                checks.add(checkFor(input, Target.of(line, platform), bound.isPresent() ? "one of every Python line inside "
                        + bound.describe() : "one of every Python line", request.maxFixes()));
            }
        } else {
            PythonChoice.Default d = (PythonChoice.Default) request.python();
            if (request.manifest().python().isPresent() && Version.tryParse(request.manifest().python().get()) != null) {
                checks.add(checkFor(input, Target.parse(request.manifest().python().get(), platform), "pinned in the input", request.maxFixes()));
            } else if (d.interpreter() != null && bound.admits(d.interpreter())) {
                checks.add(checkFor(input, Target.of(d.interpreter(), platform), "the Python pip would use: " + d.interpreterSource()
                        + (bound.isPresent() ? ", inside " + bound.describe() : ""), request.maxFixes()));
            } else {
                String outside = d.interpreter() == null ? "" : "the Python pip would use (" + d.interpreterSource() + ") is outside "
                        + bound.describe() + "; ";
                checks.add(newestWorking(input, platform, request.maxFixes(), bound, outside));
            }
        }
        return new CheckResult(request.manifest(), checks, input.unchecked(), note);
    }

    /** The newest Python line for which the input works; when none does, the newest for which it installs. */
    private TargetCheck newestWorking(Input input, Platform platform, int maxFixes, PythonBound bound, String prefix) {
        Target fallback = null;
        String inside = bound.isPresent() ? " inside " + bound.describe() : "";
        List<Version> candidates = bound.filter(lines(platform)).isEmpty() ? lines(platform) : bound.filter(lines(platform));
        for (Version line : candidates) {
            Target t = Target.of(line, platform);
            Outcome o = asItStands(input, t, catalogs.apply(t), input.allowPrereleases());
            if (o.verdict() == Verdict.WORKS) {
                return checkFor(input, t, prefix + "the newest Python" + inside + " for which the input works", maxFixes);
            }
            if (fallback == null && o.verdict() == Verdict.BREAKS) {
                fallback = t;
            }
        }
        Target t = fallback != null ? fallback : Target.of(candidates.get(0), platform);
        return checkFor(input, t, prefix + "no Python" + inside + " makes the input work; shown for the newest Python for which it "
                + (fallback != null ? "installs" : "was checked"), maxFixes);
    }

    /** Python release lines, newest first (as of {@link #asOf}: those released by then, or of unknown date). */
    private List<Version> lines(Platform platform) {
        return matrix.pythons().stream().filter(p -> asOf == null || p.released() == null || !p.released().isAfter(asOf))
                .map(p -> Version.parse(p.version())).sorted(Comparator.reverseOrder()).toList();
    }

    TargetCheck checkFor(Input input, Target target, String reason, int maxFixes) {
        ReleaseCatalog catalog = catalogs.apply(target);
        boolean pre = input.allowPrereleases();
        List<ManifestEntry> skipped = new ArrayList<>();
        for (Input.Line l : input.lines()) {
            if (!markerHolds(l.wanted(), target)) {
                skipped.add(l.entry());
            }
        }
        Function<List<Wanted>, Outcome> oracle = wanted -> outcome(wanted, target, catalog, pre);
        Outcome current = asItStands(input, target, catalog, pre);
        while (current.verdict() != Verdict.WORKS && !input.preferred().isEmpty()) {
            // Kept pins that take part in the failure are let go (all of them when none is named), and pip asked again.
            java.util.Set<io.kompat.requirement.PackageName> involved = new java.util.HashSet<>();
            if (current.prediction() instanceof Prediction.Fails f) {
                involved.addAll(f.failure().named());
            }
            current.breaks().forEach(b -> {
                involved.add(b.subject());
                involved.add(b.other());
            });
            Input less = input.withoutPreferred(involved);
            input = less.preferred().size() < input.preferred().size() ? less : input.withoutPreferred();
            current = oracle.apply(input.wanted());
        }
        if (current.verdict() == Verdict.WORKS) {
            return new TargetCheck(target, reason, current.prediction(), current.breaks(), List.of(), List.of(), skipped);
        }
        FixSearch.Result found = fixSearch(input, target, catalog, oracle, codeBreaks(current)).search(current, maxFixes);
        if (found.fixes().isEmpty() && !codeBreaks(current) && !extra.keeps().isEmpty()) {
            // What mends the rules alone breaks the code (keras 2.6 for TensorFlow 2.6 lacks keras.optimizers.Adam):
            // search again within what the code needs.
            FixSearch.Result within = fixSearch(input, target, catalog, oracle, true).search(current, maxFixes);
            found = within.fixes().isEmpty() ? found : within;
        }
        List<Fix> fixes = new ArrayList<>(found.fixes());
        // An installed environment has its Python: another one is no change to it (a fresh install is).
        if (input.installed() == CheckRequest.Installed.NO && fixes.stream().allMatch(f -> f.changes() > 0)) {
            // Every fix here changes or removes what the user wrote: another Python may keep it as written (a
            // TensorFlow 1 project on today's Python, say), alone or with bounds added.
            otherPython(input, target, pre).ifPresent(fixes::add);
            // Edits on another Python only when they cost the user's file less than every fix on this one.
            long cheapestHere = found.fixes().stream().mapToLong(CheckService::weight).min().orElse(Long.MAX_VALUE);
            if (cheapestHere > 0) {
                otherPythonWithEdits(input, target, pre, maxFixes, fixes, cheapestHere).ifPresent(fixes::add);
            }
            // Among fixes that change pins the fix search's order stands (least movement first); among those that
            // only add bounds or change the Python, the fewest edits first.
            fixes.sort(Comparator.comparingLong(CheckService::weight).thenComparingInt(f -> weight(f) == 0 ? f.edits().size() : 0));
        }
        List<String> explanation = found.noSolution().map(n -> Explainer.explain(n.cause())).orElse(List.of());
        return new TargetCheck(target, reason, current.prediction(), current.breaks(), explanation,
                fixes.subList(0, Math.min(fixes.size(), Math.max(maxFixes, 1))), skipped);
    }

    /** The nearest other Python line (newer first, then older) on which the input as written works. */
    private java.util.Optional<Fix> otherPython(Input input, Target target, boolean pre) {
        List<Version> lines = new ArrayList<>(lines(target.platform()));
        lines.sort(Comparator.comparing((Version v) -> distance(v, target.pythonLine())).thenComparing(Comparator.reverseOrder()));
        for (Version line : lines) {
            if (line.equals(target.pythonLine()) || !PythonBound.of(input.manifest()).admits(line)) {
                continue;
            }
            Target other = Target.of(line, target.platform());
            Outcome o = outcome(input.wanted(), other, catalogs.apply(other), pre);
            if (o.verdict() == Verdict.WORKS && !hypothetical((Prediction.Installs) o.prediction(), catalogs.apply(other))) {
                Prediction.Installs install = (Prediction.Installs) o.prediction();
                return java.util.Optional.of(new Fix(List.of(new Edit.UsePython(line)), install, install.assumptions()));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean codeBreaks(Outcome outcome) {
        return outcome.breaks().stream().anyMatch(b -> b.kind() == Break.Kind.CODE);
    }

    /** @param keepCode whether the solve keeps what the extra check needs (the code breaks the install as it is) */
    private FixSearch fixSearch(Input input, Target target, ReleaseCatalog catalog, Function<List<Wanted>, Outcome> oracle,
            boolean keepCode) {
        RootRequirement python = new RootRequirement(CatalogProvider.PYTHON, VersionSet.exactly(target.pythonFull()), false,
                Origin.target("the target " + target), "==" + target.python(), false);
        java.util.Set<io.kompat.requirement.PackageName> named = new java.util.LinkedHashSet<>();
        // What the input installs on the target (not a constraint, not a line whose marker fails there): what the
        // evaluation counts as the input asking for it.
        input.lines().stream().filter(l -> !l.wanted().constraint() && markerHolds(l.wanted(), target))
                .forEach(l -> named.add(l.wanted().requirement().name()));
        input.implied().forEach(w -> named.add(w.requirement().name()));
        List<RootRequirement> roots = new ArrayList<>(List.of(python));
        roots.addAll(ruleFloors(input, named));
        if (keepCode) {
            for (io.kompat.requirement.Requirement r : extra.keeps()) {
                // Needed, not only bounded: the code imports it. A distribution the input names in its place stands in.
                roots.add(new RootRequirement(matrix.standIn(r.name(), named::contains), VersionSet.of(r.specifiers()), false,
                        Origin.target("the project's code (it works as written with " + r + ")"), r.specifiers().toString(), false));
            }
        }
        return new FixSearch(input, new CatalogProvider(catalog, matrix, target, named, extra::mayUse), oracle, roots, l -> markerHolds(l.wanted(), target),
                pkg -> catalog.project(pkg.base()) instanceof io.kompat.predict.Project.Listed l
                        ? l.known().stream().map(io.kompat.predict.Release::version).toList() : List.of());
    }

    /**
     * Fixes stay where the matrix's rules reach: for two packages of the input, the releases of one that the rules
     * between them speak of (its own rules naming the other, and the other's rules naming it) start somewhere; an
     * older release is no fix target (keras<2.4 beside TensorFlow 2.2.0 must not become keras 0.3.3, which no rule
     * pairs with TensorFlow). A pair whose rules are open below (keras 2.2.x constrains tensorflow<2.0 gives
     * tensorflow no floor; keras<=2.3.1 conflicts with h5py>=3 gives keras none beside h5py) adds no floor, and
     * the floor is the lowest the other pairs give; a line that asks only for older releases keeps them.
     */
    private List<RootRequirement> ruleFloors(Input input, java.util.Set<io.kompat.requirement.PackageName> names) {
        List<RootRequirement> out = new ArrayList<>();
        for (Input.Line l : input.lines()) {
            io.kompat.requirement.PackageName p = l.wanted().requirement().name();
            java.util.Optional<io.kompat.version.Version> floor = java.util.Optional.empty();
            for (io.kompat.requirement.PackageName q : names) {
                if (q.equals(p)) {
                    continue;
                }
                VersionSet covered = coverage(p, q);
                if (covered.isEmpty()) {
                    continue;
                }
                java.util.Optional<io.kompat.version.Version> low = covered.lowest();
                if (low.isPresent()) {
                    floor = floor.isPresent() && floor.get().compareTo(low.get()) <= 0 ? floor : low;
                }
            }
            VersionSet asked = VersionSet.of(l.wanted().requirement().specifiers());
            if (floor.isPresent() && out.stream().noneMatch(r -> r.pkg().equals(p)) && !asked.intersect(VersionSet.atLeast(floor.get())).isEmpty()) {
                out.add(new RootRequirement(p, VersionSet.atLeast(floor.get()), true,
                        Origin.target("the oldest " + p.value() + " release the matrix's rules pair with the input's other packages"),
                        ">=" + floor.get(), false));
            }
        }
        return out;
    }

    /** The releases of {@code p} that the rules between {@code p} and {@code q} speak of. */
    private VersionSet coverage(io.kompat.requirement.PackageName p, io.kompat.requirement.PackageName q) {
        VersionSet covered = VersionSet.empty();
        for (var r : matrix.rulesOf(p)) {
            if (r.requires().containsKey(q) || r.constrains().containsKey(q) || r.conflicts().containsKey(q)) {
                covered = covered.union(r.versions());
            }
        }
        for (var r : matrix.rulesOf(q)) {
            // Not conflicts: they name the releases of p that break, and the ones below are the fix (keras<=2.3.1
            // conflicts with h5py>=3 sets h5py no floor of 3).
            for (var m : List.of(r.requires(), r.constrains())) {
                io.kompat.version.SpecifierSet spec = m.get(p);
                if (spec != null && !spec.equals(io.kompat.matrix.MatrixRule.SAME_VERSION)) {
                    covered = covered.union(VersionSet.of(spec));
                }
            }
        }
        return covered;
    }

    /** What a fix costs the user's file: a removed line costs most, a changed one less, an added bound or another Python nothing. */
    private static long weight(Fix f) {
        return f.edits().stream().mapToLong(e -> e instanceof Edit.Remove ? 2 : e instanceof Edit.Change ? 1 : 0).sum();
    }

    /** How many other Python lines are searched for edits, nearest first (each search predicts many installs). */
    private static final int OTHER_PYTHON_SEARCHES = 8;

    /**
     * The other Python line, of the nearest few, on which edits that remove nothing make the input work at the
     * least cost to the user's file (the nearest among equals): "use Python X" and those edits (not when the same
     * edits already work on the target's Python), when they cost less than {@code costHere}. A farther Python that
     * keeps the project's era (TensorFlow 2.4 back to 1.15 on 3.7) beats a nearer one that moves two pins into
     * another (keras 2.2 to 2.7 on 3.8).
     */
    private java.util.Optional<Fix> otherPythonWithEdits(Input input, Target target, boolean pre, int maxFixes, List<Fix> here,
            long costHere) {
        List<Version> lines = new ArrayList<>(lines(target.platform()));
        lines.sort(Comparator.comparing((Version v) -> distance(v, target.pythonLine())).thenComparing(Comparator.reverseOrder()));
        lines.removeIf(line -> line.equals(target.pythonLine()) || !PythonBound.of(input.manifest()).admits(line));
        lines = lines.subList(0, Math.min(lines.size(), OTHER_PYTHON_SEARCHES));
        // The lines are searched two at a time and taken in order, as one after another would be: the first bound-only
        // fix ends the search (the era-keeping fix of an old project often lies several Pythons back: keras 2.2.4 on
        // 3.11, a changed pin on 3.9, bounds only on 3.7), and what was started after it is dropped.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kompat-fix-search");
            t.setDaemon(true);
            return t;
        });
        Fix best = null;
        List<java.util.concurrent.Future<List<Fix>>> searches = new ArrayList<>();
        try {
            for (Version line : lines) {
                searches.add(pool.submit(() -> fixesOn(input, Target.of(line, target.platform()), pre, maxFixes, costHere)));
            }
            for (int i = 0; i < lines.size() && (best == null || weight(best) != 0); i++) {
                for (Fix f : await(searches.get(i))) {
                    boolean worksHereToo = here.stream().anyMatch(h -> h.edits().equals(f.edits()));
                    if (!worksHereToo && weight(f) < costHere && (best == null || weight(f) < weight(best))
                            && f.edits().stream().noneMatch(e -> e instanceof Edit.Remove)) {
                        List<Edit> edits = new ArrayList<>();
                        edits.add(new Edit.UsePython(lines.get(i)));
                        edits.addAll(f.edits());
                        best = new Fix(edits, f.install(), f.assumptions());
                    }
                }
            }
        } finally {
            // Searches not started are dropped; one already running is waited for, never interrupted: an interrupt would
            // leave a failed index answer in the catalogs and memo maps the service shares.
            searches.forEach(f -> f.cancel(false));
            pool.shutdown();
            awaitTermination(pool);
        }
        return java.util.Optional.ofNullable(best);
    }

    /** The fixes on {@code other} that rest on no release nobody lists; none when the input works there as written. */
    private List<Fix> fixesOn(Input input, Target other, boolean pre, int maxFixes, long costHere) {
        ReleaseCatalog catalog = catalogs.apply(other);
        Function<List<Wanted>, Outcome> oracle = wanted -> outcome(wanted, other, catalog, pre);
        Outcome there = oracle.apply(input.wanted());
        if (there.verdict() == Verdict.WORKS) {
            return List.of();
        }
        // Below a cost of one changed line only fixes that add bounds can win: the changes are not searched.
        FixSearch search = fixSearch(input, other, catalog, oracle, codeBreaks(there));
        FixSearch.Result found = costHere <= 1 ? search.searchBoundsOnly(there, maxFixes) : search.search(there, maxFixes);
        return found.fixes().stream().filter(f -> !hypothetical(f.install(), catalog)).toList();
    }

    private static <T> T await(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // A search's failure is the check's, as it would be on this thread (a StackOverflowError stays one).
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitTermination(java.util.concurrent.ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@code install} rests on a release of a listed project that no list holds (only a later release
     * might have a file for that Python: TensorFlow on a Python its listed releases have no wheels for). Another
     * Python is no fix on the strength of a release that may never come.
     */
    private static boolean hypothetical(Prediction.Installs install, ReleaseCatalog catalog) {
        return install.picks().stream().anyMatch(p -> p.version().isEmpty() && catalog.project(p.name()) instanceof io.kompat.predict.Project.Listed);
    }

    private static long distance(Version a, Version b) {
        return Math.abs(a.releasePart(0).longValue() * 100 + a.releasePart(1).longValue()
                - b.releasePart(0).longValue() * 100 - b.releasePart(1).longValue());
    }

    /** The input's outcome: pip's install of it, or, for an installed environment, the environment as installed. */
    private Outcome asItStands(Input input, Target target, ReleaseCatalog catalog, boolean pre) {
        return input.installed() == CheckRequest.Installed.NO ? outcome(input.wanted(), target, catalog, pre) : asInstalled(input, target, catalog, pre);
    }

    /**
     * An environment as installed: its releases as listed (pip's {@code --no-deps} install of them), judged by the runtime
     * rules, and, for a list, every requirement a release declares that the environment does not meet ({@code pip
     * check}'s findings). A listed release the target cannot install at all still makes it one pip cannot make again.
     */
    private Outcome asInstalled(Input input, Target target, ReleaseCatalog catalog, boolean pre) {
        Outcome listed = predict(input.wanted(), target, InstalledSet.withoutDependencies(catalog), pre);
        if (!(listed.prediction() instanceof Prediction.Installs installs)) {
            return listed;
        }
        if (input.installed() != CheckRequest.Installed.LISTED) {
            return listed;
        }
        List<Break> breaks = new ArrayList<>(listed.breaks());
        breaks.addAll(InstalledSet.unmet(installs, catalog, target));
        return new Outcome(listed.prediction(), breaks);
    }

    private Outcome outcome(List<Wanted> wanted, Target target, ReleaseCatalog catalog, boolean pre) {
        Asked asked = new Asked(List.copyOf(wanted), target, pre);
        Outcome known = outcomes.get(asked);
        if (known == null) {
            known = predict(wanted, target, catalog, pre);
            outcomes.putIfAbsent(asked, known);
        }
        return known;
    }

    private Outcome predict(List<Wanted> wanted, Target target, ReleaseCatalog catalog, boolean pre) {
        // As of a day before pip 20.3, pip's legacy resolver: what users of the day got (tensorflow 2.3 beside h5py 3).
        boolean legacy = asOf != null && asOf.isBefore(PredictRequest.PIP_20_3);
        Prediction p = Predictor.predict(new PredictRequest(target, wanted, pre, legacy), catalog);
        List<Break> breaks = new ArrayList<>();
        if (p instanceof Prediction.Installs i) {
            breaks.addAll(new Evaluator(matrix, target.platform(), extra).breaks(i));
            breaks.addAll(extra.breaks(i));
        }
        return new Outcome(p, breaks);
    }

    private static boolean markerHolds(Wanted w, Target target) {
        try {
            return w.requirement().marker().isEmpty() || w.requirement().marker().get().evaluate(target.markers().withExtra(""));
        } catch (MarkerEvaluationException e) {
            return true;
        }
    }

}
