package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PubGrub version solving (as described in dart-lang/pub's solver.md): unit propagation over
 * incompatibilities, conflict resolution that learns new incompatibilities, and decisions taken in the
 * provider's order of preference. It does no I/O; the world comes from a {@link DependencyProvider}.
 */
public final class Solver {
    /** The virtual package that stands for the user's input. */
    public static final PackageName ROOT = PackageName.foreign("<root>");
    static final Version ROOT_VERSION = Version.of(0);
    private static final int MAX_STEPS = 1_000_000;
    /**
     * Distinct unverified versions (guesses: versions nobody lists, or whose metadata is unknown) tried per
     * package before giving up on it. Without a bound, facts that rule out one version at a time
     * (same-version pairs) could make the solver guess versions forever.
     */
    static final int MAX_GUESSES = 16;

    private final DependencyProvider provider;
    private final Map<PackageName, List<Incompatibility>> byPackage = new HashMap<>();
    private final PartialSolution solution = new PartialSolution();
    private final Map<PackageName, String> unverified = new LinkedHashMap<>();
    private final Map<PackageName, VersionSet> unverifiedRanges = new LinkedHashMap<>();
    private final Map<PackageName, Set<Version>> guesses = new HashMap<>();
    /** Position of each package among the root requirements: decisions follow the input's order. */
    private final Map<PackageName, Integer> inputOrder = new HashMap<>();

    private Solver(DependencyProvider provider) {
        this.provider = provider;
    }

    /**
     * Solves for the root requirements: incompatibilities that each contain a positive term for
     * {@link #ROOT} (use {@link #rootTerm()}).
     */
    public static Resolution solve(DependencyProvider provider, List<Incompatibility> rootRequirements) {
        return new Solver(provider).run(rootRequirements);
    }

    /** Solves for root requirements given as {@link RootRequirement}s. */
    public static Resolution solveRoots(DependencyProvider provider, List<RootRequirement> roots) {
        return solve(provider, roots.stream().map(RootRequirement::toIncompatibility).toList());
    }

    /** The positive root term to put in root requirements. */
    public static Term rootTerm() {
        return Term.positive(ROOT, VersionSet.exactly(ROOT_VERSION));
    }

    private Resolution run(List<Incompatibility> rootRequirements) {
        add(new Incompatibility(List.of(Term.negative(ROOT, VersionSet.exactly(ROOT_VERSION))), new Cause.Root()));
        PackageName next = ROOT;
        boolean rootDecided = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            Incompatibility failure = propagate(next);
            if (failure != null) {
                return new Resolution.NoSolution(failure);
            }
            if (!rootDecided) {
                for (Incompatibility inc : rootRequirements) {
                    add(inc);
                    inc.terms().forEach(t -> inputOrder.putIfAbsent(t.pkg(), inputOrder.size()));
                }
                solution.decide(ROOT, ROOT_VERSION);
                rootDecided = true;
                next = ROOT;
                continue;
            }
            next = decide();
            if (next == null) {
                Map<PackageName, Version> versions = new LinkedHashMap<>(solution.decisions());
                versions.remove(ROOT);
                unverified.keySet().retainAll(versions.keySet());
                unverifiedRanges.keySet().retainAll(unverified.keySet());
                return new Resolution.Solved(versions, unverified, unverifiedRanges);
            }
        }
        throw new IllegalStateException("version solving did not finish in " + MAX_STEPS + " steps");
    }

    private void add(Incompatibility inc) {
        for (Term t : inc.terms()) {
            byPackage.computeIfAbsent(t.pkg(), k -> new ArrayList<>()).add(inc);
        }
    }

    /** Unit propagation from {@code start}; returns the failure when the root conflicts, else null. */
    private Incompatibility propagate(PackageName start) {
        Deque<PackageName> changed = new ArrayDeque<>();
        changed.add(start);
        while (!changed.isEmpty()) {
            PackageName pkg = changed.poll();
            List<Incompatibility> incs = byPackage.getOrDefault(pkg, List.of());
            for (int i = incs.size() - 1; i >= 0; i--) {
                Incompatibility inc = incs.get(i);
                Term unsatisfied = almostSatisfied(inc);
                if (unsatisfied == SATISFIED) {
                    Incompatibility root = resolveConflict(inc);
                    if (root.isFailure(ROOT)) {
                        return root;
                    }
                    Term t = almostSatisfied(root);
                    if (t == null || t == SATISFIED) {
                        throw new IllegalStateException("learned incompatibility " + root + " is not almost satisfied");
                    }
                    solution.derive(t.negate(), root);
                    changed.clear();
                    changed.add(t.pkg());
                    break;
                }
                if (unsatisfied != null) {
                    solution.derive(unsatisfied.negate(), inc);
                    if (!changed.contains(unsatisfied.pkg())) {
                        changed.add(unsatisfied.pkg());
                    }
                }
            }
        }
        return null;
    }

    private static final Term SATISFIED = Term.positive(PackageName.foreign("<satisfied>"), VersionSet.any());

    /**
     * {@link #SATISFIED} when every term is satisfied, the one inconclusive term when all others are
     * satisfied, else null (contradicted, or more than one inconclusive term).
     */
    private Term almostSatisfied(Incompatibility inc) {
        Term open = null;
        for (Term t : inc.terms()) {
            PartialSolution.Relation r = solution.relation(t);
            if (r == PartialSolution.Relation.CONTRADICTED) {
                return null;
            }
            if (r == PartialSolution.Relation.INCONCLUSIVE) {
                if (open != null) {
                    return null;
                }
                open = t;
            }
        }
        return open == null ? SATISFIED : open;
    }

    /** Conflict resolution: learns incompatibilities until one can be propagated after backjumping. */
    private Incompatibility resolveConflict(Incompatibility inc) {
        Incompatibility current = inc;
        boolean learned = false;
        while (!current.isFailure(ROOT)) {
            Term mostRecentTerm = null;
            PartialSolution.Assignment mostRecent = null;
            Term difference = null;
            int previousLevel = 1;
            for (Term t : current.terms()) {
                PartialSolution.Assignment s = solution.satisfier(t);
                if (mostRecent == null || mostRecent.index() < s.index()) {
                    if (mostRecent != null) {
                        previousLevel = Math.max(previousLevel, mostRecent.level());
                    }
                    mostRecent = s;
                    mostRecentTerm = t;
                    difference = null;
                } else {
                    previousLevel = Math.max(previousLevel, s.level());
                }
                if (mostRecentTerm == t) {
                    Term diff = mostRecent.term().intersect(t.negate());
                    difference = diff.isEmpty() ? null : diff;
                    if (difference != null) {
                        previousLevel = Math.max(previousLevel, solution.satisfier(difference.negate()).level());
                    }
                }
            }
            if (mostRecent.isDecision() || previousLevel < mostRecent.level()) {
                solution.backtrack(previousLevel);
                if (learned) {
                    add(current);
                }
                return current;
            }
            List<Term> terms = new ArrayList<>();
            for (Term t : current.terms()) {
                if (!t.pkg().equals(mostRecent.term().pkg())) {
                    terms.add(t);
                }
            }
            for (Term t : mostRecent.cause().terms()) {
                if (!t.pkg().equals(mostRecent.term().pkg())) {
                    terms.add(t);
                }
            }
            if (difference != null) {
                terms.add(difference.negate());
            }
            current = new Incompatibility(terms, new Cause.Derived(current, mostRecent.cause()));
            learned = true;
        }
        return current;
    }

    /** Takes the next decision; returns the package to propagate from, or null when done. */
    private PackageName decide() {
        List<PackageName> undecided = solution.undecided();
        if (undecided.isEmpty()) {
            return null;
        }
        // Pinned packages first (no choice to make), in the order the input lists them, so that a
        // conflict is found, and explained, in terms of what the user wrote first.
        // Then the packages whose releases are known before those the provider can only guess.
        PackageName pkg = null;
        int best = Integer.MAX_VALUE;
        for (PackageName p : undecided) {
            if (solution.accumulated(p).set().pinnedVersion() != null) {
                int order = inputOrder.getOrDefault(p, Integer.MAX_VALUE - 1);
                if (order < best) {
                    best = order;
                    pkg = p;
                }
            }
        }
        if (pkg == null) {
            int lowest = Integer.MAX_VALUE;
            for (PackageName p : undecided) {
                int priority = provider.priority(p);
                if (priority < lowest) {
                    lowest = priority;
                    pkg = p;
                }
            }
        }
        VersionSet allowed = solution.accumulated(pkg).allowed();
        DependencyProvider.Choice choice = provider.choose(pkg, allowed);
        if (choice instanceof DependencyProvider.NoVersion none) {
            add(Incompatibility.external(Cause.Kind.NO_VERSIONS, none.origin(), none.reason(), Term.positive(pkg, allowed)));
            return pkg;
        }
        DependencyProvider.Chosen chosen = (DependencyProvider.Chosen) choice;
        if (chosen.unverified() != null) {
            Set<Version> tried = guesses.computeIfAbsent(pkg, k -> new HashSet<>());
            if (!tried.contains(chosen.version()) && tried.size() >= MAX_GUESSES) {
                add(Incompatibility.external(Cause.Kind.NO_VERSIONS, Origin.target("kompat's search"),
                        "none of the " + MAX_GUESSES + " unverified versions tried fits, and no verified release does",
                        Term.positive(pkg, allowed)));
                return pkg;
            }
            tried.add(chosen.version());
        }
        boolean conflict = false;
        for (Incompatibility inc : provider.incompatibilitiesFor(pkg, chosen.version())) {
            add(inc);
            conflict |= wouldBeSatisfied(inc, pkg, chosen.version());
        }
        if (!conflict) {
            solution.decide(pkg, chosen.version());
            if (chosen.unverified() != null) {
                unverified.put(pkg, chosen.unverified());
                unverifiedRanges.put(pkg, allowed);
            }
        }
        return pkg;
    }

    /** Whether deciding {@code v} for {@code pkg} would satisfy {@code inc} outright. */
    private boolean wouldBeSatisfied(Incompatibility inc, PackageName pkg, Version v) {
        for (Term t : inc.terms()) {
            if (t.pkg().equals(pkg)) {
                if (!Term.positive(pkg, VersionSet.exactly(v)).subsetOf(t)) {
                    return false;
                }
            } else if (solution.relation(t) != PartialSolution.Relation.SATISFIED) {
                return false;
            }
        }
        return true;
    }
}
