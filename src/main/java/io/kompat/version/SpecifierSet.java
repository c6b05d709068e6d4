package io.kompat.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A comma-joined set of {@link Specifier} clauses, all of which must hold. Pre-release handling follows
 * {@code packaging.specifiers.SpecifierSet}: a single candidate is accepted when it matches every clause
 * ("nothing else matches"); {@link #filter(Collection)} drops pre-releases unless a clause names one or
 * no final release matches.
 */
public final class SpecifierSet {
    private static final SpecifierSet ANY = new SpecifierSet(List.of());

    private final List<Specifier> specifiers;

    private SpecifierSet(List<Specifier> specifiers) {
        this.specifiers = List.copyOf(specifiers);
    }

    /** The empty set, which every version satisfies. */
    public static SpecifierSet any() {
        return ANY;
    }

    /** A set of the given clauses. */
    public static SpecifierSet of(Collection<Specifier> specifiers) {
        return specifiers.isEmpty() ? ANY : new SpecifierSet(new ArrayList<>(specifiers));
    }

    /**
     * Parses {@code ">=1.0, <2.0"}; empty clauses between commas are ignored as in the reference.
     *
     * @throws InvalidSpecifierException with the position in {@code text}
     */
    public static SpecifierSet parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Specifier> parsed = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            if (PyText.skipSpace(text, start) < end) {
                parsed.add(Specifier.parse(text, start, end));
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return parsed.isEmpty() ? ANY : new SpecifierSet(parsed);
    }

    public List<Specifier> specifiers() {
        return specifiers;
    }

    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** {@code TRUE} when some clause names a pre-release (so pre-releases are welcome), else {@code null}. */
    public Boolean prereleases() {
        for (Specifier s : specifiers) {
            if (Boolean.TRUE.equals(s.prereleases())) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** Whether {@code v} satisfies every clause, pre-releases allowed. */
    private boolean matchesAll(Version v) {
        for (Specifier s : specifiers) {
            if (!s.matches(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code SpecifierSet.contains(v)} of the reference: a lone candidate that matches every clause is
     * accepted, pre-release or not, because no final release competes with it.
     */
    public boolean contains(Version v) {
        return matchesAll(v);
    }

    /** {@code SpecifierSet.contains(v, prereleases=allowPrereleases)} of the reference. */
    public boolean contains(Version v, boolean allowPrereleases) {
        return (allowPrereleases || !v.isPrerelease()) && matchesAll(v);
    }

    /**
     * The candidates that satisfy the set, in their given order, with the PEP 440 default for
     * pre-releases: kept when a clause names one, or when no final release matches.
     */
    public List<Version> filter(Collection<Version> candidates) {
        List<Version> matching = new ArrayList<>();
        boolean anyFinal = false;
        for (Version v : candidates) {
            if (matchesAll(v)) {
                matching.add(v);
                anyFinal |= !v.isPrerelease();
            }
        }
        if (Boolean.TRUE.equals(prereleases()) || !anyFinal) {
            return Collections.unmodifiableList(matching);
        }
        return matching.stream().filter(v -> !v.isPrerelease()).collect(Collectors.toUnmodifiableList());
    }

    /** Clauses of both sets. */
    public SpecifierSet and(SpecifierSet other) {
        List<Specifier> all = new ArrayList<>(specifiers);
        all.addAll(other.specifiers);
        return of(all);
    }

    /** The clauses sorted by their text, equal clauses once: the reference's canonical order. */
    private List<Specifier> canonicalSpecifiers() {
        List<Specifier> sorted = new ArrayList<>(specifiers);
        sorted.sort(java.util.Comparator.comparing(Specifier::toString));
        return new ArrayList<>(new java.util.LinkedHashSet<>(sorted));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecifierSet && canonicalSpecifiers().equals(((SpecifierSet) o).canonicalSpecifiers());
    }

    @Override
    public int hashCode() {
        return canonicalSpecifiers().hashCode();
    }

    /** Clauses sorted and comma-joined, as {@code str(SpecifierSet)} prints them. */
    @Override
    public String toString() {
        return canonicalSpecifiers().stream().map(Specifier::toString).collect(Collectors.joining(","));
    }
}
