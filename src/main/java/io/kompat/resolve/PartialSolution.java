package io.kompat.resolve;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The solver's current assignments: decisions and the derivations that follow from them. */
final class PartialSolution {
    /** One assignment; {@code cause} is null for a decision. */
    record Assignment(Term term, int level, Incompatibility cause, int index) {
        boolean isDecision() {
            return cause == null;
        }
    }

    enum Relation { SATISFIED, CONTRADICTED, INCONCLUSIVE }

    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<PackageName, Term> accumulated = new LinkedHashMap<>();
    private final Map<PackageName, Version> decisions = new LinkedHashMap<>();

    int decisionLevel() {
        return decisions.size();
    }

    Map<PackageName, Version> decisions() {
        return decisions;
    }

    void decide(PackageName pkg, Version v) {
        decisions.put(pkg, v);
        add(Term.positive(pkg, VersionSet.exactly(v)), null);
    }

    void derive(Term term, Incompatibility cause) {
        add(term, cause);
    }

    private void add(Term term, Incompatibility cause) {
        assignments.add(new Assignment(term, decisions.size(), cause, assignments.size()));
        accumulated.merge(term.pkg(), term, Term::intersect);
    }

    /** Removes every assignment above {@code level}. */
    void backtrack(int level) {
        while (!assignments.isEmpty() && assignments.get(assignments.size() - 1).level() > level) {
            assignments.remove(assignments.size() - 1);
        }
        accumulated.clear();
        for (Assignment a : assignments) {
            accumulated.merge(a.term().pkg(), a.term(), Term::intersect);
        }
        List<PackageName> keep = new ArrayList<>();
        for (Assignment a : assignments) {
            if (a.isDecision()) {
                keep.add(a.term().pkg());
            }
        }
        decisions.keySet().retainAll(keep);
    }

    Term accumulated(PackageName pkg) {
        return accumulated.get(pkg);
    }

    Relation relation(Term t) {
        Term acc = accumulated.get(t.pkg());
        if (acc == null) {
            return Relation.INCONCLUSIVE;
        }
        if (acc.subsetOf(t)) {
            return Relation.SATISFIED;
        }
        return acc.disjoint(t) ? Relation.CONTRADICTED : Relation.INCONCLUSIVE;
    }

    /** Packages with a positive derivation but no decision yet, in order of appearance. */
    List<PackageName> undecided() {
        List<PackageName> out = new ArrayList<>();
        for (Map.Entry<PackageName, Term> e : accumulated.entrySet()) {
            if (e.getValue().positive() && !decisions.containsKey(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** The earliest assignment after which the accumulated term of {@code t}'s package lies within {@code t}. */
    Assignment satisfier(Term t) {
        Term acc = null;
        for (Assignment a : assignments) {
            if (!a.term().pkg().equals(t.pkg())) {
                continue;
            }
            acc = acc == null ? a.term() : acc.intersect(a.term());
            if (acc.subsetOf(t)) {
                return a;
            }
        }
        throw new IllegalStateException("term " + t + " is not satisfied");
    }
}
