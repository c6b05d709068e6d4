package io.kompat.check;

import io.kompat.manifest.ManifestEntry;
import io.kompat.predict.Pick;
import io.kompat.predict.Prediction;
import io.kompat.predict.Wanted;
import io.kompat.provider.CatalogProvider;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.resolve.DependencyProvider;
import io.kompat.resolve.FixFinder;
import io.kompat.resolve.Resolution;
import io.kompat.resolve.RootRequirement;
import io.kompat.resolve.Solver;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The smallest edits to the input after which pip's install works. A solve with everything kompat knows
 * (release metadata and runtime rules) says which releases can work together; edits then steer pip to
 * them — a bound or a new line where pip would pick otherwise, a changed requirement only where the
 * input as written cannot work — and every proposal is predicted again and evaluated before it is offered.
 */
final class FixSearch {
    private static final int MAX_ROUNDS = 6;

    private final Input input;
    private final DependencyProvider full;
    private final DependencyProvider knownOnly;
    private final Function<List<Wanted>, Outcome> oracle;
    private final List<RootRequirement> extraRoots;
    private final java.util.function.Predicate<Input.Line> applies;
    private final Function<PackageName, List<Version>> releases;

    /**
     * @param applies whether a line's marker holds on the target (pip ignores the others, so the full solve does too)
     * @param releases the releases a source lists for a package (a listed release whose dependencies are unknown is a
     *     fix target, with its prediction marked unverified; a release nobody lists is not)
     */
    FixSearch(Input input, CatalogProvider full, Function<List<Wanted>, Outcome> oracle, List<RootRequirement> extraRoots,
            java.util.function.Predicate<Input.Line> applies, Function<PackageName, List<Version>> releases) {
        this.input = input;
        this.full = full;
        this.knownOnly = full.knownDependenciesOnly();
        this.oracle = oracle;
        this.extraRoots = List.copyOf(extraRoots);
        this.applies = applies;
        this.releases = releases;
    }

    /** Up to {@code max} verified fixes, best first; the full solve's failure, if no release set can work. */
    Result search(Outcome current, int max) {
        return search(current, max, true);
    }

    /**
     * Fixes that only add bounds or lines (no requirement changed or removed): none when no release set meets the
     * input as written, since bounds only narrow it. The changes a full search would try are not searched.
     */
    Result searchBoundsOnly(Outcome current, int max) {
        return search(current, max, false);
    }

    private Result search(Outcome current, int max, boolean changesAllowed) {
        // A pip line naming python asks pip for the interpreter, which it cannot install: every fix drops it.
        List<Edit> base = input.lines().stream().filter(FixSearch::asksPipForPython).map(l -> (Edit) new Edit.Remove(l.entry())).toList();
        if (!base.isEmpty()) {
            current = oracle.apply(apply(base));
        }
        List<RootRequirement> roots = roots();
        Resolution resolution = Solver.solveRoots(full, roots);
        List<Fix> fixes = new ArrayList<>();
        // A failure among releases that say what they need is no failure of the input: said only of the full solve.
        boolean guessedOnly = false;
        if (resolution instanceof Resolution.Solved guessed && !guessed.unverified().isEmpty()) {
            // The solution holds releases whose dependencies no source gives, taken as needing nothing, or releases
            // no source lists, taken to exist: a set of releases that all say what they need, if there is one, is
            // the better target to steer to. If there is none and steering to the guess does not work either, the
            // changes that lead to such a set are searched (tensorflow 2.19.0 with tensorflow-text before 2.19 was
            // out: 2.18.1, not a tensorflow-text assumed to exist).
            Resolution sayWhatTheyNeed = Solver.solveRoots(knownOnly, roots);
            if (sayWhatTheyNeed instanceof Resolution.NoSolution) {
                steer(base, known(guessed), current).ifPresent(fixes::add);
                if (!fixes.isEmpty()) {
                    return new Result(rank(fixes, max), Optional.empty());
                }
            }
            resolution = sayWhatTheyNeed;
            guessedOnly = resolution instanceof Resolution.NoSolution;
        }
        if (resolution instanceof Resolution.Solved solved) {
            steer(base, known(solved), current).ifPresent(fixes::add);
            return new Result(rank(fixes, max), Optional.empty());
        }
        Resolution.NoSolution none = (Resolution.NoSolution) resolution;
        Optional<Resolution.NoSolution> said = guessedOnly ? Optional.empty() : Optional.of(none);
        if (!changesAllowed) {
            return new Result(List.of(), said);
        }
        // A change to a release whose dependencies no source gives is offered only when no change to a release
        // with known dependencies works: the solve takes such a release as needing nothing, so it would win
        // over a verified one (tensorflow 2.12.0 -> 2.20.0 instead of 2.12.1). The first candidates come from
        // releases that say what they need, so such a release does not hide the known one from the search either.
        for (boolean acceptUnknownDependencies : new boolean[] {false, true}) {
            List<FixFinder.Fix> candidates = FixFinder.find(acceptUnknownDependencies ? full : knownOnly, roots, none.cause(), 3, max + 2);
            for (FixFinder.Fix candidate : candidates) {
                changes(candidate, acceptUnknownDependencies).map(changes -> concat(base, changes))
                        .flatMap(changes -> steer(changes, known(candidate.resolution()), oracle.apply(apply(changes))))
                        .ifPresent(fixes::add);
            }
            if (!fixes.isEmpty()) {
                break;
            }
        }
        return new Result(rank(fixes, max), said);
    }

    /** The candidate's changes as edits of the input; none when a change is no fix target. */
    private Optional<List<Edit>> changes(FixFinder.Fix candidate, boolean acceptUnknownDependencies) {
        List<Edit> changes = new ArrayList<>();
        for (FixFinder.Change c : candidate.changes()) {
            ManifestEntry e = entryOf(c.requirement());
            if (e == null) {
                return Optional.empty();
            }
            if (!c.removes()) {
                boolean unknownDependencies = candidate.resolution().unverified().containsKey(c.requirement().pkg());
                // A change to a version nobody lists would be a guess, not a fix; to a pre-release, no fix to offer.
                if (!releases.apply(c.requirement().pkg()).contains(c.to()) || unknownDependencies && !acceptUnknownDependencies
                        || c.to().isPrerelease() && !asksForPrerelease(c.requirement().pkg())) {
                    return Optional.empty();
                }
            }
            changes.add(c.removes() ? new Edit.Remove(e) : new Edit.Change(e, SpecifierSet.parse("==" + c.to())));
        }
        return Optional.of(changes);
    }

    record Result(List<Fix> fixes, Optional<Resolution.NoSolution> noSolution) {
    }

    /**
     * The releases of a solution that some source lists (guesses are no target to steer to), but pre-releases the
     * input does not ask for: pinning one is no fix a user would take (h5py ==3.0.0rc1 for keras 2.2.4 on 3.10,
     * where a Python with h5py 2 wheels is the fix).
     */
    private Map<PackageName, Version> known(Resolution.Solved solved) {
        Map<PackageName, Version> out = new LinkedHashMap<>(solved.versions());
        out.keySet().removeAll(solved.unverified().keySet());
        out.entrySet().removeIf(e -> e.getValue().isPrerelease() && !asksForPrerelease(e.getKey()));
        return out;
    }

    private boolean asksForPrerelease(PackageName p) {
        return input.allowPrereleases() || input.lines().stream()
                .anyMatch(l -> l.entry().name().equals(p) && Boolean.TRUE.equals(l.wanted().requirement().specifiers().prereleases()));
    }

    private static boolean asksPipForPython(Input.Line l) {
        // A constraint on python is accepted: pip ignores constraints on projects it does not install.
        return l.entry().conda() == null && !l.entry().isConstraint() && l.entry().name().equals(CatalogProvider.PYTHON);
    }

    private static List<Edit> concat(List<Edit> a, List<Edit> b) {
        List<Edit> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private List<RootRequirement> roots() {
        List<RootRequirement> roots = new ArrayList<>(extraRoots);
        for (Input.Line l : input.lines()) {
            if (!applies.test(l) || asksPipForPython(l)) {
                continue;
            }
            roots.add(root(l.wanted()));
        }
        input.implied().forEach(w -> roots.add(root(w)));
        return roots;
    }

    private static RootRequirement root(Wanted w) {
        Requirement r = w.requirement();
        return new RootRequirement(r.name(), VersionSet.of(r.specifiers()), w.constraint(), w.origin(),
                r.specifiers().isEmpty() ? "(any version)" : r.specifiers().toString());
    }

    private ManifestEntry entryOf(RootRequirement r) {
        for (Input.Line l : input.lines()) {
            if (l.wanted().origin().equals(r.origin()) && l.entry().name().equals(r.pkg())) {
                return l.entry();
            }
        }
        return null;
    }

    /**
     * Adds bounds, round by round, for the packages the current outcome gets wrong, toward the releases of
     * {@code target}; then drops every bound the result does not need.
     */
    private Optional<Fix> steer(List<Edit> base, Map<PackageName, Version> target, Outcome outcome) {
        Map<PackageName, Integer> level = new LinkedHashMap<>();
        Map<PackageName, List<SpecifierSet>> options = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS && outcome.verdict() != Verdict.WORKS; round++) {
            boolean moved = false;
            for (PackageName p : involved(outcome, target)) {
                Version want = target.get(p);
                Version picked = picked(outcome, p);
                if (want == null || want.equals(picked)) {
                    continue;
                }
                List<SpecifierSet> opts = options.computeIfAbsent(p, k -> Bounds.options(want, picked));
                int next = level.containsKey(p) ? level.get(p) + 1 : 0;
                if (next < opts.size()) {
                    level.put(p, next);
                    moved = true;
                }
            }
            if (!moved) {
                return Optional.empty();
            }
            outcome = oracle.apply(apply(edits(base, level, options)));
        }
        if (outcome.verdict() != Verdict.WORKS) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>(edits(base, level, options));
        for (PackageName p : new ArrayList<>(level.keySet())) {
            Map<PackageName, Integer> without = new LinkedHashMap<>(level);
            without.remove(p);
            Outcome o = oracle.apply(apply(edits(base, without, options)));
            if (o.verdict() == Verdict.WORKS) {
                level = without;
                outcome = o;
                edits = edits(base, level, options);
            }
        }
        Prediction.Installs install = (Prediction.Installs) outcome.prediction();
        return Optional.of(new Fix(edits, install, install.assumptions()));
    }

    /** The packages a fix must move: both sides of each break; all of the input when pip fails. */
    private Set<PackageName> involved(Outcome outcome, Map<PackageName, Version> target) {
        Set<PackageName> out = new LinkedHashSet<>();
        for (Break b : outcome.breaks()) {
            out.add(b.subject());
            out.add(b.other());
        }
        if (outcome.prediction() instanceof Prediction.Fails) {
            input.lines().forEach(l -> out.add(l.entry().name()));
            out.addAll(target.keySet());
        }
        return out;
    }

    private static Version picked(Outcome outcome, PackageName p) {
        return outcome.prediction() instanceof Prediction.Installs i ? i.pick(p).flatMap(Pick::version).orElse(null) : null;
    }

    private List<Edit> edits(List<Edit> base, Map<PackageName, Integer> level, Map<PackageName, List<SpecifierSet>> options) {
        List<Edit> out = new ArrayList<>(base);
        level.forEach((p, i) -> {
            SpecifierSet bound = options.get(p).get(i);
            ManifestEntry entry = null;
            for (Input.Line l : input.lines()) {
                if (l.entry().name().equals(p) && !l.entry().isConstraint()) {
                    entry = l.entry();
                    break;
                }
            }
            if (entry == null) {
                out.add(new Edit.Add(p, bound));
            } else if (base.stream().noneMatch(e -> e instanceof Edit.Change c && c.entry().equals(p))) {
                out.add(new Edit.Narrow(entry, bound, narrowed(entry.specifiers(), bound)));
            }
        });
        return out;
    }

    /** The entry's specifiers and the bound; clauses the bound makes redundant are dropped. */
    static SpecifierSet narrowed(SpecifierSet written, SpecifierSet bound) {
        if (written.isEmpty() || VersionSet.of(bound).isSubsetOf(VersionSet.of(written))) {
            return bound;
        }
        return written.and(bound);
    }

    /** The input as pip takes it after {@code edits}. */
    List<Wanted> apply(List<Edit> edits) {
        List<Wanted> out = new ArrayList<>();
        for (Input.Line l : input.lines()) {
            Wanted w = l.wanted();
            boolean removed = false;
            for (Edit e : edits) {
                if (e instanceof Edit.Remove r && r.entry() == l.entry()) {
                    removed = true;
                } else if (e instanceof Edit.Change c && c.entry() == l.entry()) {
                    w = Input.wanted(l.entry(), c.to());
                } else if (e instanceof Edit.Narrow n && n.entry() == l.entry()) {
                    w = Input.wanted(l.entry(), n.result());
                }
            }
            if (!removed) {
                out.add(w);
            }
        }
        out.addAll(input.implied());
        for (Edit e : edits) {
            if (e instanceof Edit.Add a) {
                out.add(Wanted.install(Requirement.of(a.name(), a.specifiers()), io.kompat.origin.Origin.target("kompat's fix: " + a.describe())));
            }
        }
        return out;
    }

    /** Unique fixes, up to {@code max}: fewest changed pins, then the least movement, then the fewest edits. */
    private List<Fix> rank(List<Fix> fixes, int max) {
        List<Fix> unique = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Fix f : fixes) {
            if (seen.add(f.describe())) {
                unique.add(f);
            }
        }
        // The least movement keeps the user's era: protobuf two series back before TensorFlow eight on.
        unique.sort(Comparator.comparingLong(Fix::changes).thenComparingLong(this::movement).thenComparingInt((Fix f) -> f.edits().size()));
        return List.copyOf(unique.subList(0, Math.min(max, unique.size())));
    }

    /**
     * How far a fix's changed pins move, in release series (X.Y) of the package crossed: numpy ==1.24.4 -> ==1.23.5
     * crosses one, protobuf ==4.21.0 -> ==3.19.6 two, tensorflow ==2.10.0 -> ==2.18.1 eight. Where the releases are
     * not listed, a major step weighs 100 and a minor step 1; a change from a range counts 50.
     */
    private long movement(Fix fix) {
        long d = 0;
        for (Edit e : fix.edits()) {
            if (e instanceof Edit.Change c) {
                Version from = VersionSet.of(c.entry().specifiers()).pinnedVersion();
                Version to = VersionSet.of(c.to()).pinnedVersion();
                if (from == null || to == null) {
                    d += 50;
                    continue;
                }
                List<Version> listed = releases.apply(c.entry().name());
                d += listed.isEmpty() ? FixFinder.movement(from, to) : seriesCrossed(from, to, listed);
            }
        }
        return d;
    }

    /** The release series (X.Y) of final releases above the lower of {@code a} and {@code b} up to the higher, but the lower's own. */
    static long seriesCrossed(Version a, Version b, List<Version> releases) {
        Version lo = a.compareTo(b) <= 0 ? a : b;
        Version hi = lo == a ? b : a;
        Set<List<java.math.BigInteger>> series = new java.util.HashSet<>();
        for (Version r : releases) {
            if (!r.isPrerelease() && r.compareTo(lo) > 0 && r.compareTo(hi) <= 0) {
                series.add(List.of(r.releasePart(0), r.releasePart(1)));
            }
        }
        series.remove(List.of(lo.releasePart(0), lo.releasePart(1)));
        return series.size();
    }
}
