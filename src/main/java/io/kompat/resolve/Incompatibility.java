package io.kompat.resolve;

import io.kompat.origin.Origin;
import io.kompat.requirement.PackageName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of terms that must not all hold at once, with its cause. Terms about the same package are
 * merged on construction.
 */
public final class Incompatibility {
    private final List<Term> terms;
    private final Cause cause;

    public Incompatibility(List<Term> terms, Cause cause) {
        Map<PackageName, Term> merged = new LinkedHashMap<>();
        for (Term t : terms) {
            merged.merge(t.pkg(), t, Term::intersect);
        }
        this.terms = List.copyOf(merged.values());
        this.cause = cause;
    }

    /** An external fact. */
    public static Incompatibility external(Cause.Kind kind, Origin origin, String detail, Term... terms) {
        return new Incompatibility(List.of(terms), new Cause.External(kind, origin, detail));
    }

    public List<Term> terms() {
        return terms;
    }

    public Cause cause() {
        return cause;
    }

    public Term term(PackageName pkg) {
        for (Term t : terms) {
            if (t.pkg().equals(pkg)) {
                return t;
            }
        }
        return null;
    }

    /** True when the incompatibility says the root cannot be selected: the problem has no solution. */
    boolean isFailure(PackageName root) {
        return terms.isEmpty() || (terms.size() == 1 && terms.get(0).pkg().equals(root) && terms.get(0).positive());
    }

    /** Drops terms that always hold in the derivation ({@code not pkg in {}}), keeping the rest. */
    static List<Term> withoutTrivial(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            if (!(!t.positive() && t.set().isEmpty())) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "{" + String.join(", ", terms.stream().map(Term::toString).toList()) + "}";
    }
}
