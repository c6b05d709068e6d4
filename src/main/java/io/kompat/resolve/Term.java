package io.kompat.resolve;

import io.kompat.requirement.PackageName;
import io.kompat.version.range.VersionSet;

/**
 * A statement about one package: positive, "{@code pkg} is selected with a version in {@code set}";
 * negative, "{@code pkg} is not selected with a version in {@code set}" (not selected at all counts).
 * Seen as sets of worlds, a negative term also holds the world where the package is absent.
 */
public record Term(PackageName pkg, VersionSet set, boolean positive) {

    public static Term positive(PackageName pkg, VersionSet set) {
        return new Term(pkg, set, true);
    }

    public static Term negative(PackageName pkg, VersionSet set) {
        return new Term(pkg, set, false);
    }

    public Term negate() {
        return new Term(pkg, set, !positive);
    }

    /** The conjunction of two terms about the same package. */
    public Term intersect(Term o) {
        if (positive && o.positive) {
            return positive(pkg, set.intersect(o.set));
        }
        if (positive) {
            return positive(pkg, set.intersect(o.set.complement()));
        }
        if (o.positive) {
            return positive(pkg, o.set.intersect(set.complement()));
        }
        return negative(pkg, set.union(o.set));
    }

    /** Whether every world of this term is a world of {@code o}. */
    public boolean subsetOf(Term o) {
        if (positive && o.positive) {
            return set.isSubsetOf(o.set);
        }
        if (positive) {
            return set.isDisjoint(o.set);
        }
        if (o.positive) {
            return false;
        }
        return o.set.isSubsetOf(set);
    }

    /** Whether no world is in both terms. */
    public boolean disjoint(Term o) {
        if (positive && o.positive) {
            return set.isDisjoint(o.set);
        }
        if (positive) {
            return set.isSubsetOf(o.set);
        }
        if (o.positive) {
            return o.set.isSubsetOf(set);
        }
        return false;
    }

    /** True when the term holds in no world at all (an empty positive term). */
    public boolean isEmpty() {
        return positive && set.isEmpty();
    }

    /** The versions this term allows when the package is selected. */
    public VersionSet allowed() {
        return positive ? set : set.complement();
    }

    @Override
    public String toString() {
        return (positive ? "" : "not ") + pkg + " " + set;
    }
}
