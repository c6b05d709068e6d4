package io.kompat.predict;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * pip's resolver before 20.3 (2020-11-30, when the backtracking resolver became the default), as pip 23.2
 * still runs it with {@code --use-deprecated=legacy-resolver} (pip/_internal/resolution/legacy/resolver.py):
 * <ul>
 * <li>requirements are taken in the order they are found: the input's, then each chosen release's, breadth
 * first; the first requirement of a project chooses its release, the newest it allows, and a later one of the
 * same project (its extras too) is not asked again: pip installs the set and only reports the requirements it
 * breaks ({@code ERROR: X has requirement Y, but you'll have Z which is incompatible});</li>
 * <li>a project a constraints file names is chosen by the constraint alone (the constraint is the project's
 * first requirement, the later ones join it);</li>
 * <li>the input naming a project twice, with the same extras and other specifiers, is an error
 * ({@code Double requirement given});</li>
 * <li>a requirement nothing satisfies fails as in the new resolver ({@code No matching distribution found}),
 * and a chosen release whose metadata requires another Python fails ({@code requires a different Python}).</li>
 * </ul>
 * How TensorFlow 2.3 came to run beside h5py 3 in November 2020 (tensorflow/tensorflow#44467).
 */
final class LegacyResolver {
    /** The input names a project twice with other specifiers. */
    static final class Double extends Exception {
        final PipFailure.DoubleRequirement failure;

        Double(PipFailure.DoubleRequirement failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** A requirement nothing satisfies: the legacy resolver stops at the first one, as a constraint names it. */
    static final class NoMatch extends Exception {
        final Information cause;
        final PipResolver.State state;

        NoMatch(Information cause, PipResolver.State state) {
            super(null, null, false, false);
            this.cause = cause;
            this.state = state;
        }
    }

    private final PipFinder finder;

    LegacyResolver(PipFinder finder) {
        this.finder = finder;
    }

    /** The releases chosen, as a resolver state (pins in the order chosen; every requirement seen, with its parent). */
    PipResolver.State resolve(List<Req> roots) throws PipResolver.Impossible, Double, NoMatch {
        doubles(roots);
        PipResolver.State state = new PipResolver.State(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        Map<PackageName, Key> chosenAs = new HashMap<>();
        Deque<Information> queue = new ArrayDeque<>();
        roots.forEach(r -> queue.add(new Information(r, null)));
        while (!queue.isEmpty()) {
            Information next = queue.poll();
            Key key = next.requirement().key();
            Key first = key.python() ? null : chosenAs.get(key.name());
            if (first != null) {
                // Already chosen by an earlier requirement: this one is recorded, never asked.
                Criterion seen = state.criteria().get(first);
                List<Information> information = new ArrayList<>(seen.information());
                information.add(next);
                state.criteria().put(first, new Criterion(seen.candidates(), information, seen.incompatibilities()));
                continue;
            }
            Req asked = constrainedOnly(next.requirement());
            List<Cand> matches = finder.findMatches(key, List.of(asked), List.of(), List.of());
            Criterion criterion = new Criterion(matches, List.of(next), List.of());
            state.criteria().put(key, criterion);
            if (matches.isEmpty() && key.python()) {
                throw new PipResolver.Impossible(List.of(next), state);
            }
            if (matches.isEmpty()) {
                // A constrained project is asked for as the constraint says (the constraint is its requirement).
                throw new NoMatch(asked == next.requirement() ? next : new Information(constraintOf((Req.Spec) next.requirement()), null), state);
            }
            if (key.python()) {
                state.mapping().putIfAbsent(key, matches.get(0));
                continue;
            }
            Cand chosen = matches.get(0);
            chosenAs.put(key.name(), key);
            state.mapping().put(key, chosen);
            // The release's own Requires-Python is checked as soon as it is chosen (pip reads its metadata then).
            Cand release = chosen instanceof Cand.Extras x ? x.base() : chosen;
            for (Req d : finder.dependencies(release)) {
                if (d instanceof Req.RequiresPython && !d.satisfiedBy(finder.python())) {
                    Key python = d.key();
                    state.criteria().put(python, new Criterion(List.of(), List.of(new Information(d, release)), List.of()));
                    throw new PipResolver.Impossible(List.of(new Information(d, release)), state);
                }
            }
            for (Req d : finder.dependencies(chosen)) {
                if (!(d instanceof Req.Explicit) && !(d instanceof Req.RequiresPython)) {
                    queue.add(new Information(d, chosen));
                }
            }
        }
        return state;
    }

    /**
     * pip's check when it reads the input: the same project twice, with the same extras and other specifiers. A
     * project a constraint names is exempt: the first line merges into the constraint, which pip then no longer
     * compares (its extras become a tuple, the line's are a set).
     */
    private void doubles(List<Req> roots) throws Double {
        Map<PackageName, Req.Spec> firsts = new HashMap<>();
        for (Req r : roots) {
            if (!(r instanceof Req.Spec s) || finder.constraints().containsKey(s.key().name())) {
                continue;
            }
            Req.Spec earlier = firsts.putIfAbsent(s.key().name(), s);
            if (earlier != null && earlier.key().extras().equals(s.key().extras()) && !earlier.specifiers().equals(s.specifiers())) {
                throw new Double(new PipFailure.DoubleRequirement(s.text(), earlier.text(), s.key().name().value(), java.util.Optional.ofNullable(s.origin())));
            }
        }
    }

    /** The constraint on {@code s}'s project, as the requirement pip asks for. */
    private Req.Spec constraintOf(Req.Spec s) {
        PipFinder.Constraint c = finder.constraints().get(s.key().name());
        Requirement r = Requirement.of(s.requirement().name(), s.requirement().extras(), c.specifiers(), null);
        return new Req.Spec(s.key(), r, c.origins().isEmpty() ? null : c.origins().get(0), c.hashes());
    }

    /** A requirement of a project a constraints file names: the constraint alone chooses (the finder applies it). */
    private Req constrainedOnly(Req r) {
        if (r instanceof Req.Spec s && finder.constraints().containsKey(s.key().name())) {
            Requirement any = Requirement.of(s.requirement().name(), s.requirement().extras(), SpecifierSet.any(), s.requirement().marker().orElse(null));
            return new Req.Spec(s.key(), any, s.origin(), Set.of());
        }
        return r;
    }
}
