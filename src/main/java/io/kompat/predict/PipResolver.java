package io.kompat.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * resolvelib 1.0.1's resolution (the algorithm of pip 23.2) with pip's preferences: rounds that pin the most
 * preferred unsatisfied identifier to its best candidate, and backjumping to the last pin whose dependencies
 * take part in a conflict. Kept step for step, so that the releases chosen are the ones pip chooses, also
 * where several consistent sets exist.
 */
final class PipResolver {
    /** pip's {@code limit_how_complex_resolution_can_be}. */
    static final int MAX_ROUNDS = 200_000;

    /** One round's state: pins in pinning order, criteria in insertion order, the last conflict's causes. */
    record State(LinkedHashMap<Key, Cand> mapping, LinkedHashMap<Key, Criterion> criteria, List<Information> backtrackCauses) {
        State copy() {
            return new State(new LinkedHashMap<>(mapping), new LinkedHashMap<>(criteria), new ArrayList<>(backtrackCauses));
        }
    }

    /** resolvelib's RequirementsConflicted: the criterion that has no candidate left. */
    static final class Conflicted extends Exception {
        final Criterion criterion;

        Conflicted(Criterion criterion) {
            super(null, null, false, false);
            this.criterion = criterion;
        }
    }

    /** resolvelib's ResolutionImpossible, with its causes. */
    static final class Impossible extends Exception {
        final List<Information> causes;
        final State state;

        Impossible(List<Information> causes, State state) {
            super(null, null, false, false);
            this.causes = List.copyOf(causes);
            this.state = state;
        }
    }

    /** resolvelib's ResolutionTooDeep. */
    static final class TooDeep extends Exception {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private final PipFinder finder;
    private final Map<Key, Integer> userRequested;
    private final Map<Key, Double> knownDepths = new HashMap<>();
    private final List<State> states = new ArrayList<>();

    PipResolver(PipFinder finder, Map<Key, Integer> userRequested) {
        this.finder = finder;
        this.userRequested = Map.copyOf(userRequested);
    }

    private State state() {
        return states.get(states.size() - 1);
    }

    private void pushNewState() {
        states.add(state().copy());
    }

    /** Resolves; returns the final state, whose pins connected to the input are the install. */
    State resolve(List<Req> requirements) throws Impossible, TooDeep {
        states.add(new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>()));
        for (Req r : requirements) {
            try {
                addToCriteria(state().criteria(), r, null);
            } catch (Conflicted e) {
                throw new Impossible(e.criterion.information(), state());
            }
        }
        pushNewState();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Key> unsatisfied = new ArrayList<>();
            for (Map.Entry<Key, Criterion> e : state().criteria().entrySet()) {
                if (!isCurrentPinSatisfying(e.getKey(), e.getValue())) {
                    unsatisfied.add(e.getKey());
                }
            }
            if (unsatisfied.isEmpty()) {
                return state();
            }
            Set<Key> satisfied = new HashSet<>(state().criteria().keySet());
            satisfied.removeAll(unsatisfied);
            Key name = mostPreferred(unsatisfied);
            List<Criterion> failures = attemptToPin(name);
            if (!failures.isEmpty()) {
                List<Information> causes = new ArrayList<>();
                failures.forEach(c -> causes.addAll(c.information()));
                State failed = state().copy();
                boolean success = backjump(causes, failed);
                state().backtrackCauses().clear();
                state().backtrackCauses().addAll(causes);
                if (!success) {
                    throw new Impossible(causes, failed);
                }
            } else {
                Set<Key> newlyUnsatisfied = new HashSet<>();
                for (Map.Entry<Key, Criterion> e : state().criteria().entrySet()) {
                    if (satisfied.contains(e.getKey()) && !isCurrentPinSatisfying(e.getKey(), e.getValue())) {
                        newlyUnsatisfied.add(e.getKey());
                    }
                }
                removeInformationFrom(state().criteria(), newlyUnsatisfied);
                pushNewState();
            }
        }
        throw new TooDeep();
    }

    private Key mostPreferred(List<Key> unsatisfied) {
        Key best = null;
        Preference bestPref = null;
        for (Key k : unsatisfied) {
            Preference p = preference(k);
            if (bestPref == null || p.compareTo(bestPref) < 0) {
                best = k;
                bestPref = p;
            }
        }
        return best;
    }

    private void addToCriteria(Map<Key, Criterion> criteria, Req requirement, Cand parent) throws Conflicted {
        Key key = requirement.key();
        Criterion criterion = criteria.get(key);
        List<Cand> incompatibilities = criterion == null ? List.of() : criterion.incompatibilities();
        List<Req> reqs = new ArrayList<>(requirementsOf(criterion));
        reqs.add(requirement);
        List<Cand> matches = finder.findMatches(key, reqs, requirementsOf(criteria.get(key.base())), incompatibilities);
        List<Information> information = new ArrayList<>(criterion == null ? List.of() : criterion.information());
        information.add(new Information(requirement, parent));
        Criterion updated = new Criterion(matches, information, incompatibilities);
        if (matches.isEmpty()) {
            throw new Conflicted(updated);
        }
        criteria.put(key, updated);
    }

    private static List<Req> requirementsOf(Criterion c) {
        if (c == null) {
            return List.of();
        }
        List<Req> out = new ArrayList<>(c.information().size());
        c.information().forEach(i -> out.add(i.requirement()));
        return out;
    }

    private void removeInformationFrom(Map<Key, Criterion> criteria, Set<Key> parents) {
        if (parents.isEmpty()) {
            return;
        }
        criteria.replaceAll((key, c) -> {
            List<Information> kept = new ArrayList<>();
            for (Information i : c.information()) {
                if (i.parent() == null || !parents.contains(i.parent().key())) {
                    kept.add(i);
                }
            }
            return new Criterion(c.candidates(), kept, c.incompatibilities());
        });
    }

    private boolean isCurrentPinSatisfying(Key name, Criterion criterion) {
        Cand pin = state().mapping().get(name);
        if (pin == null) {
            return false;
        }
        for (Information i : criterion.information()) {
            if (!i.requirement().satisfiedBy(pin)) {
                return false;
            }
        }
        return true;
    }

    private LinkedHashMap<Key, Criterion> updatedCriteria(Cand candidate) throws Conflicted {
        LinkedHashMap<Key, Criterion> criteria = new LinkedHashMap<>(state().criteria());
        for (Req r : finder.dependencies(candidate)) {
            addToCriteria(criteria, r, candidate);
        }
        return criteria;
    }

    /** Pins {@code name} to its first candidate that adds no conflict; returns the conflicts when none does. */
    private List<Criterion> attemptToPin(Key name) {
        Criterion criterion = state().criteria().get(name);
        List<Criterion> causes = new ArrayList<>();
        for (Cand candidate : criterion.candidates()) {
            LinkedHashMap<Key, Criterion> criteria;
            try {
                criteria = updatedCriteria(candidate);
            } catch (Conflicted e) {
                causes.add(e.criterion);
                continue;
            }
            for (Information i : criterion.information()) {
                if (!i.requirement().satisfiedBy(candidate)) {
                    throw new IllegalStateException("candidate " + candidate + " does not satisfy " + i.requirement().text());
                }
            }
            state().criteria().putAll(criteria);
            state().mapping().remove(name);
            state().mapping().put(name, candidate);
            return List.of();
        }
        return causes;
    }

    /**
     * resolvelib's backjumping: drop states back to the last pin whose dependencies take part in the
     * conflict, mark that pin incompatible, and carry the incompatibilities learned to the earlier state.
     */
    private boolean backjump(List<Information> causes, State failed) throws Impossible {
        Set<Key> incompatibleDeps = new HashSet<>();
        for (Information c : causes) {
            if (c.parent() != null) {
                incompatibleDeps.add(c.parent().key());
            }
        }
        causes.forEach(c -> incompatibleDeps.add(c.requirement().key()));
        while (states.size() >= 3) {
            states.remove(states.size() - 1);
            State broken;
            Key name;
            Cand candidate;
            while (true) {
                if (states.isEmpty()) {
                    throw new Impossible(causes, failed);
                }
                broken = states.remove(states.size() - 1);
                if (broken.mapping().isEmpty()) {
                    throw new Impossible(causes, failed);
                }
                Map.Entry<Key, Cand> last = lastEntry(broken.mapping());
                name = last.getKey();
                candidate = last.getValue();
                broken.mapping().remove(name);
                boolean touches = false;
                for (Req d : finder.dependencies(candidate)) {
                    touches |= incompatibleDeps.contains(d.key());
                }
                if (touches) {
                    break;
                }
            }
            List<Map.Entry<Key, List<Cand>>> learned = new ArrayList<>();
            for (Map.Entry<Key, Criterion> e : broken.criteria().entrySet()) {
                learned.add(Map.entry(e.getKey(), new ArrayList<>(e.getValue().incompatibilities())));
            }
            learned.add(Map.entry(name, new ArrayList<>(List.of(candidate))));
            pushNewState();
            if (patchCriteria(learned)) {
                return true;
            }
        }
        return false;
    }

    private boolean patchCriteria(List<Map.Entry<Key, List<Cand>>> learned) {
        for (Map.Entry<Key, List<Cand>> e : learned) {
            List<Cand> incompatibilities = e.getValue();
            if (incompatibilities.isEmpty()) {
                continue;
            }
            Criterion criterion = state().criteria().get(e.getKey());
            if (criterion == null) {
                continue;
            }
            List<Cand> all = new ArrayList<>(criterion.incompatibilities());
            all.addAll(incompatibilities);
            List<Cand> candidates = finder.findMatches(e.getKey(), requirementsOf(criterion),
                    requirementsOf(state().criteria().get(e.getKey().base())), all);
            if (candidates.isEmpty()) {
                return false;
            }
            incompatibilities.addAll(criterion.incompatibilities());
            state().criteria().put(e.getKey(), new Criterion(candidates, criterion.information(), incompatibilities));
        }
        return true;
    }

    private static <K, V> Map.Entry<K, V> lastEntry(LinkedHashMap<K, V> map) {
        Map.Entry<K, V> last = null;
        for (Iterator<Map.Entry<K, V>> it = map.entrySet().iterator(); it.hasNext();) {
            last = it.next();
        }
        return last;
    }

    /** pip's {@code get_preference} key; lower is tried first. Records the depth it infers, as pip does. */
    private Preference preference(Key key) {
        Criterion c = state().criteria().get(key);
        List<Information> information = c == null ? List.of() : c.information();
        boolean hasInformation = !information.isEmpty();
        boolean pinned = false;
        boolean unfree = false;
        for (Information i : information) {
            if (i.requirement() instanceof Req.Spec s) {
                for (var clause : s.specifiers().specifiers()) {
                    unfree = true;
                    pinned |= clause.operator().symbol().startsWith("==");
                }
            }
        }
        Integer requested = userRequested.get(key);
        double depth;
        if (requested != null) {
            depth = 1.0;
        } else if (hasInformation) {
            double min = Double.POSITIVE_INFINITY;
            for (Information i : information) {
                min = Math.min(min, i.parent() == null ? 0.0 : knownDepths.getOrDefault(i.parent().key(), Double.POSITIVE_INFINITY));
            }
            depth = min + 1.0;
        } else {
            depth = Double.POSITIVE_INFINITY;
        }
        knownDepths.put(key, depth);
        boolean backtrackCause = false;
        for (Information cause : state().backtrackCauses()) {
            backtrackCause |= cause.requirement().key().equals(key) || (cause.parent() != null && cause.parent().key().equals(key));
        }
        // pip 23.2 computes "direct" from a tuple that is never None: true whenever there is information.
        return new Preference(!key.python(), !hasInformation, !pinned, !backtrackCause, depth,
                requested == null ? Double.POSITIVE_INFINITY : requested, !unfree, key.id());
    }

    /** pip's preference tuple, compared field by field. */
    record Preference(boolean notPython, boolean notDirect, boolean notPinned, boolean notBacktrackCause, double depth,
            double requestedOrder, boolean free, String identifier) implements Comparable<Preference> {
        @Override
        public int compareTo(Preference o) {
            int c = Boolean.compare(notPython, o.notPython);
            c = c != 0 ? c : Boolean.compare(notDirect, o.notDirect);
            c = c != 0 ? c : Boolean.compare(notPinned, o.notPinned);
            c = c != 0 ? c : Boolean.compare(notBacktrackCause, o.notBacktrackCause);
            c = c != 0 ? c : Double.compare(depth, o.depth);
            c = c != 0 ? c : Double.compare(requestedOrder, o.requestedOrder);
            c = c != 0 ? c : Boolean.compare(free, o.free);
            return c != 0 ? c : identifier.compareTo(o.identifier);
        }
    }
}
