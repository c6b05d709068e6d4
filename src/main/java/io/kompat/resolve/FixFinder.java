package io.kompat.resolve;

import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Minimal corrections for a failed resolution: the smallest sets of the user's requirements that, once
 * relaxed, let the rest resolve, each with the resolution that results (so every proposal is verified).
 * Only requirements that take part in the failure's derivation are considered.
 */
public final class FixFinder {
    private FixFinder() {
    }

    /**
     * A change to one requirement: from what was written to the version the re-solve chose, or its
     * removal ({@code to} null) when no version of it fits.
     */
    public record Change(RootRequirement requirement, Version to) {
        public boolean removes() {
            return to == null;
        }
    }

    /** A verified proposal. */
    public record Fix(List<Change> changes, Resolution.Solved resolution) {
        public Fix {
            changes = List.copyOf(changes);
        }

        /** {@code tensorflow ==2.4.0 -> ==1.15.5 (requirements.txt:10)} for each change, joined by "; ". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Change c : changes) {
                parts.add(c.requirement().pkg() + " " + c.requirement().written() + " -> "
                        + (c.removes() ? "remove it" : "==" + c.to()) + " (" + c.requirement().origin().label() + ")");
            }
            return String.join("; ", parts);
        }

        /** How much the fix moves the user's requirements: lower is closer to what was written. */
        public long cost() {
            return distance(this);
        }
    }

    /**
     * Up to {@code maxFixes} fixes of the smallest size that works (at most {@code maxChanges}
     * requirements relaxed), ranked by how little the chosen versions move.
     */
    public static List<Fix> find(DependencyProvider provider, List<RootRequirement> roots, Incompatibility failure,
            int maxChanges, int maxFixes) {
        Set<RootRequirement> involved = new LinkedHashSet<>();
        for (Incompatibility leaf : Explainer.leaves(failure)) {
            if (leaf.cause() instanceof Cause.External e
                    && (e.kind() == Cause.Kind.ROOT_REQUIREMENT || e.kind() == Cause.Kind.ROOT_CONSTRAINT)) {
                for (RootRequirement r : roots) {
                    if (r.relaxable() && r.origin().equals(e.origin()) && leaf.term(r.pkg()) != null) {
                        involved.add(r);
                    }
                }
            }
        }
        List<Fix> fixes = search(provider, roots, new ArrayList<>(involved), maxChanges, maxFixes);
        if (fixes.isEmpty()) {
            // The failure's derivation names one conflict; others may hide behind it. Widen the search to
            // every requirement of the input (bounded) before giving up.
            List<RootRequirement> all = new ArrayList<>(involved);
            for (RootRequirement r : roots) {
                if (r.relaxable() && !all.contains(r) && all.size() < MAX_CANDIDATES) {
                    all.add(r);
                }
            }
            if (all.size() > involved.size()) {
                fixes = search(provider, roots, all, maxChanges, maxFixes);
            }
        }
        return fixes;
    }

    /** Candidates beyond the failure's own requirements are capped to keep the search quick. */
    private static final int MAX_CANDIDATES = 12;

    private static List<Fix> search(DependencyProvider provider, List<RootRequirement> roots, List<RootRequirement> candidates,
            int maxChanges, int maxFixes) {
        for (int size = 1; size <= Math.min(maxChanges, candidates.size()); size++) {
            for (boolean allowRemoval : new boolean[] {false, true}) {
                List<Fix> found = new ArrayList<>();
                for (List<RootRequirement> subset : subsets(candidates, size)) {
                    found.addAll(tryRelaxing(provider, roots, subset, allowRemoval));
                }
                if (!found.isEmpty()) {
                    found.sort(Comparator.comparingLong(FixFinder::distance));
                    return List.copyOf(found.subList(0, Math.min(maxFixes, found.size())));
                }
            }
        }
        return List.of();
    }

    /**
     * Re-solves with every requirement of {@code subset} widened to any version; with
     * {@code allowRemoval}, also with each one removed instead (widening is tried first as it keeps more).
     */
    private static List<Fix> tryRelaxing(DependencyProvider provider, List<RootRequirement> roots, List<RootRequirement> subset,
            boolean allowRemoval) {
        List<Fix> out = new ArrayList<>();
        int variants = allowRemoval ? 1 << subset.size() : 1;
        for (int mask = allowRemoval ? 1 : 0; mask < variants; mask++) {
            List<RootRequirement> modified = new ArrayList<>();
            for (RootRequirement r : roots) {
                int at = subset.indexOf(r);
                if (at < 0) {
                    modified.add(r);
                } else if ((mask & (1 << at)) == 0) {
                    modified.add(r.relaxed());
                }
            }
            if (Solver.solveRoots(provider, modified) instanceof Resolution.Solved solved) {
                List<Change> changes = new ArrayList<>();
                for (RootRequirement r : subset) {
                    changes.add(new Change(r, solved.versions().get(r.pkg())));
                }
                out.add(new Fix(changes, solved));
            }
        }
        return out;
    }

    /** How far the chosen versions move from what was written: major steps weigh 100, minor steps 1, a removal 1000. */
    private static long distance(Fix fix) {
        long d = 0;
        for (Change c : fix.changes()) {
            Version from = c.requirement().versions().pinnedVersion();
            if (c.removes()) {
                d += 1000;
                continue;
            }
            if (from == null) {
                d += 50;
                continue;
            }
            d += movement(from, c.to());
        }
        return d;
    }

    /** How far a pin moves from {@code from} to {@code to}: a major step weighs 100, a minor step (within the major) 1. */
    public static long movement(Version from, Version to) {
        long major = Math.abs(part(from, 0) - part(to, 0));
        return major * 100 + (major == 0 ? Math.abs(part(from, 1) - part(to, 1)) : 0);
    }

    private static long part(Version v, int i) {
        return i < v.release().size() ? v.release().get(i).min(java.math.BigInteger.valueOf(100_000)).longValue() : 0;
    }

    private static <T> List<List<T>> subsets(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        collect(items, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static <T> void collect(List<T> items, int size, int from, List<T> current, List<List<T>> out) {
        if (current.size() == size) {
            out.add(new ArrayList<>(current));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            current.add(items.get(i));
            collect(items, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

}
