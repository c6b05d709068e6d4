package io.kompat.version.range;

import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable set of versions as a union of disjoint intervals, the solver's algebra: union,
 * intersection, complement, subset. Equality is semantic: two sets are equal exactly when they hold
 * the same versions, because the interval list is kept in one normal form.
 *
 * <p>This is deliberately a different type from {@link SpecifierSet}; {@link #of(SpecifierSet)} is the
 * one translation between them.
 */
public final class VersionSet {
    private static final Point MIN = Point.at(Version.MIN);
    private static final VersionSet EMPTY = new VersionSet(List.of());
    private static final VersionSet ANY = new VersionSet(List.of(new Interval(MIN, true, null, false)));

    private final List<Interval> intervals;

    private VersionSet(List<Interval> normalized) {
        this.intervals = normalized;
    }

    public static VersionSet empty() {
        return EMPTY;
    }

    public static VersionSet any() {
        return ANY;
    }

    /** The versions equal to {@code v} (so {@code 1.0} also holds {@code 1.0.0}). */
    public static VersionSet exactly(Version v) {
        return build(Point.at(v), true, Point.at(v), true);
    }

    /** {@code >= v}. */
    public static VersionSet atLeast(Version v) {
        return build(Point.at(v), true, null, false);
    }

    /** {@code < v} in the plain ordering (pre-releases of {@code v} included). */
    public static VersionSet below(Version v) {
        return build(MIN, true, Point.at(v), false);
    }

    /** {@code [lower, upper)} in the plain ordering. */
    public static VersionSet between(Version lower, Version upper) {
        return build(Point.at(lower), true, Point.at(upper), false);
    }

    /** The versions the specifiers admit, pre-releases included; see {@link SpecifierRanges}. */
    public static VersionSet of(SpecifierSet specifiers) {
        return SpecifierRanges.toVersionSet(specifiers);
    }

    static VersionSet build(Point lower, boolean lowerInclusive, Point upper, boolean upperInclusive) {
        if (Interval.isEmpty(lower, lowerInclusive, upper, upperInclusive)) {
            return EMPTY;
        }
        return new VersionSet(List.of(new Interval(lower, lowerInclusive, upper, upperInclusive)));
    }

    /** Versions after every release {@code v} (its post-releases and local versions excluded). */
    static VersionSet afterRelease(Version v) {
        return build(Point.afterReleaseOf(v), false, null, false);
    }

    /** The lowest version of the set (its first stretch's lower end), when the set is bounded below. */
    public java.util.Optional<Version> lowest() {
        if (intervals.isEmpty() || intervals.get(0).lower().equals(MIN) || intervals.get(0).lower().afterRelease()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(intervals.get(0).lower().version());
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    public boolean isAny() {
        return equals(ANY);
    }

    public boolean contains(Version v) {
        int lo = 0;
        int hi = intervals.size() - 1;
        Point p = Point.at(v);
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Interval in = intervals.get(mid);
            if (in.contains(v)) {
                return true;
            }
            if (Interval.compareLower(p, true, in.lower(), in.lowerInclusive()) < 0) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return false;
    }

    /** The single version this set holds, or {@code null} when it holds none or several. */
    public Version singleVersion() {
        if (intervals.size() == 1) {
            Interval in = intervals.get(0);
            if (in.upper() != null && !in.lower().afterRelease() && in.lower().equals(in.upper())) {
                return in.lower().version();
            }
        }
        return null;
    }

    /** {@code V} when this set is what {@code ==V} means ({@code V} and its local versions), or just {@code V}; else null. */
    public Version pinnedVersion() {
        Version single = singleVersion();
        if (single != null || intervals.size() != 1) {
            return single;
        }
        return equalsRange(intervals.get(0));
    }

    /**
     * Some version this set holds, preferring final releases: an inclusive lower bound itself, else the
     * first of a few natural successors of the bound that lie inside; null when the set is empty.
     */
    public Version sample() {
        List<Version> all = samples();
        return all.isEmpty() ? null : all.get(0);
    }

    /** One {@link #sample()} per interval, in order. */
    public List<Version> samples() {
        List<Version> out = new ArrayList<>();
        for (Interval in : intervals) {
            Version lower = in.lower().version();
            List<Version> candidates = new ArrayList<>();
            if (in.lowerInclusive() && !in.lower().afterRelease()) {
                candidates.add(lower);
            }
            candidates.add(Version.fromParts(lower.epoch(), lower.release(), null, null, null, null));
            List<BigInteger> release = new ArrayList<>(lower.release());
            release.set(release.size() - 1, release.get(release.size() - 1).add(BigInteger.ONE));
            candidates.add(Version.fromParts(lower.epoch(), release, null, null, null, null));
            List<BigInteger> longer = new ArrayList<>(lower.release());
            longer.add(BigInteger.ONE);
            candidates.add(Version.fromParts(lower.epoch(), longer, null, null, null, null));
            candidates.add(SpecifierRanges.successor(lower));
            Version firstInside = null;
            for (Version c : candidates) {
                if (in.contains(c)) {
                    if (!c.isPrerelease()) {
                        firstInside = c;
                        break;
                    }
                    firstInside = firstInside == null ? c : firstInside;
                }
            }
            if (firstInside != null) {
                out.add(firstInside);
            }
        }
        return out;
    }

    public VersionSet complement() {
        List<Interval> out = new ArrayList<>();
        Point lower = MIN;
        boolean lowerInclusive = true;
        for (Interval in : intervals) {
            if (!Interval.isEmpty(lower, lowerInclusive, in.lower(), !in.lowerInclusive())) {
                out.add(new Interval(lower, lowerInclusive, in.lower(), !in.lowerInclusive()));
            }
            if (in.upper() == null) {
                return new VersionSet(Collections.unmodifiableList(out));
            }
            lower = in.upper();
            lowerInclusive = !in.upperInclusive();
        }
        out.add(new Interval(lower, lowerInclusive, null, false));
        return new VersionSet(Collections.unmodifiableList(out));
    }

    public VersionSet intersect(VersionSet other) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < intervals.size() && j < other.intervals.size()) {
            Interval a = intervals.get(i);
            Interval b = other.intervals.get(j);
            boolean aLower = Interval.compareLower(a.lower(), a.lowerInclusive(), b.lower(), b.lowerInclusive()) >= 0;
            Point lower = aLower ? a.lower() : b.lower();
            boolean lowerInclusive = aLower ? a.lowerInclusive() : b.lowerInclusive();
            boolean aUpper = Interval.compareUpper(a.upper(), a.upperInclusive(), b.upper(), b.upperInclusive()) <= 0;
            Point upper = aUpper ? a.upper() : b.upper();
            boolean upperInclusive = aUpper ? a.upperInclusive() : b.upperInclusive();
            if (!Interval.isEmpty(lower, lowerInclusive, upper, upperInclusive)) {
                out.add(new Interval(lower, lowerInclusive, upper, upperInclusive));
            }
            if (aUpper) {
                i++;
            } else {
                j++;
            }
        }
        return new VersionSet(Collections.unmodifiableList(merge(out)));
    }

    public VersionSet union(VersionSet other) {
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        all.sort((a, b) -> Interval.compareLower(a.lower(), a.lowerInclusive(), b.lower(), b.lowerInclusive()));
        return new VersionSet(Collections.unmodifiableList(merge(all)));
    }

    /** Every version of this set is in {@code other}. */
    public boolean isSubsetOf(VersionSet other) {
        return intersect(other.complement()).isEmpty();
    }

    public boolean isDisjoint(VersionSet other) {
        return intersect(other).isEmpty();
    }

    /** Joins sorted intervals that overlap or touch with no version between them. */
    private static List<Interval> merge(List<Interval> sorted) {
        List<Interval> out = new ArrayList<>(sorted.size());
        for (Interval next : sorted) {
            if (out.isEmpty()) {
                out.add(next);
                continue;
            }
            Interval last = out.get(out.size() - 1);
            if (!touches(last, next)) {
                out.add(next);
                continue;
            }
            boolean keepLastUpper = Interval.compareUpper(last.upper(), last.upperInclusive(), next.upper(), next.upperInclusive()) >= 0;
            out.set(out.size() - 1, new Interval(last.lower(), last.lowerInclusive(),
                    keepLastUpper ? last.upper() : next.upper(), keepLastUpper ? last.upperInclusive() : next.upperInclusive()));
        }
        return out;
    }

    private static boolean touches(Interval left, Interval right) {
        if (left.upper() == null) {
            return true;
        }
        int c = right.lower().compareTo(left.upper());
        return c < 0 || (c == 0 && (left.upperInclusive() || right.lowerInclusive() || left.upper().afterRelease()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionSet && intervals.equals(((VersionSet) o).intervals);
    }

    @Override
    public int hashCode() {
        return intervals.hashCode();
    }

    /**
     * The set as one PEP 440 specifier set, when it is one: a single stretch of the line, or one with
     * {@code ==V} holes cut out ({@code >=3.20.3,<5,!=4.21.0}). Empty when no specifier set says exactly
     * this set; the text is checked by parsing it back. One exact version {@code V} is written {@code ==V},
     * which also admits its local builds ({@code V+cpu}): the nearest specifier, as pip pins are written.
     */
    public java.util.Optional<String> asSpecifiers() {
        if (intervals.isEmpty()) {
            return java.util.Optional.empty();
        }
        Version single = singleVersion();
        if (single != null && !single.hasLocal()) {
            return java.util.Optional.of("==" + single);
        }
        List<String> holes = new ArrayList<>();
        for (int i = 0; i + 1 < intervals.size(); i++) {
            Interval a = intervals.get(i);
            Interval b = intervals.get(i + 1);
            Interval gap = new Interval(a.upper(), !a.upperInclusive(), b.lower(), !b.lowerInclusive());
            Version hole = equalsRange(gap);
            if (hole == null) {
                return java.util.Optional.empty();
            }
            holes.add("!=" + hole);
        }
        Interval hull = new Interval(intervals.get(0).lower(), intervals.get(0).lowerInclusive(),
                intervals.get(intervals.size() - 1).upper(), intervals.get(intervals.size() - 1).upperInclusive());
        List<String> parts = new ArrayList<>();
        String outer = format(hull);
        if (!outer.equals("*")) {
            parts.add(outer);
        }
        parts.addAll(holes);
        String text = String.join(",", parts);
        try {
            return text.isEmpty() || !VersionSet.of(SpecifierSet.parse(text)).equals(this) ? java.util.Optional.empty()
                    : java.util.Optional.of(text);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * PEP 440 text for people: one specifier set where one says exactly this set ({@code >=3.20.3,<5,!=4.21.0}),
     * else the stretches joined by "or" ({@code ==1.15.5 or >=2.1.3,<2.2}); {@code <2.0} stands for
     * {@code <2.0.dev0}. Never internal interval notation.
     */
    @Override
    public String toString() {
        if (intervals.isEmpty()) {
            return "<none>";
        }
        if (isAny()) {
            return "*";
        }
        java.util.Optional<String> one = asSpecifiers();
        if (one.isPresent()) {
            return one.get();
        }
        List<String> parts = intervals.stream().map(VersionSet::format).toList();
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static String format(Interval in) {
        Version single = in.upper() != null && in.lower().equals(in.upper()) && !in.lower().afterRelease() ? in.lower().version() : null;
        if (single != null) {
            return "==" + single;
        }
        Version equalTo = equalsRange(in);
        if (equalTo != null) {
            return "==" + equalTo;
        }
        String wildcard = wildcardRange(in);
        if (wildcard != null) {
            return wildcard;
        }
        List<String> parts = new ArrayList<>(2);
        if (!in.lower().equals(MIN) || !in.lowerInclusive()) {
            parts.add((in.lowerInclusive() ? ">=" : ">") + in.lower().version());
        }
        if (in.upper() != null) {
            parts.add(formatUpper(in.upper(), in.upperInclusive()));
        }
        return parts.isEmpty() ? "*" : String.join(",", parts);
    }

    /** {@code [V, V.post0.dev0)} is what {@code ==V} means for a final {@code V}. */
    private static Version equalsRange(Interval in) {
        if (in.upper() == null || in.upperInclusive() || !in.lowerInclusive() || in.lower().afterRelease()) {
            return null;
        }
        Version v = in.lower().version();
        return !v.hasLocal() && SpecifierRanges.successor(v).equals(in.upper().version()) ? v : null;
    }

    /** {@code [1.4.dev0, 1.5.dev0)} is what {@code ==1.4.*} means. */
    private static String wildcardRange(Interval in) {
        if (in.upper() == null || in.upperInclusive() || !in.lowerInclusive() || in.lower().afterRelease() || in.upper().afterRelease()) {
            return null;
        }
        Version lo = in.lower().version();
        Version hi = in.upper().version();
        if (!isDevZeroOfPlainRelease(lo) || !isDevZeroOfPlainRelease(hi) || !lo.epoch().equals(hi.epoch())
                || lo.release().size() != hi.release().size()) {
            return null;
        }
        int n = lo.release().size();
        for (int i = 0; i < n - 1; i++) {
            if (!lo.release().get(i).equals(hi.release().get(i))) {
                return null;
            }
        }
        if (!lo.release().get(n - 1).add(BigInteger.ONE).equals(hi.release().get(n - 1))) {
            return null;
        }
        return "==" + Version.fromParts(lo.epoch(), lo.release(), null, null, null, null) + ".*";
    }

    private static String formatUpper(Point upper, boolean inclusive) {
        Version v = upper.version();
        if (upper.afterRelease()) {
            return "<=" + v + ".post*";
        }
        if (!inclusive && isDevZeroOfPlainRelease(v)) {
            return "<" + Version.fromParts(v.epoch(), v.release(), null, null, null, null);
        }
        if (!inclusive && BigInteger.ZERO.equals(v.dev()) && v.post() != null) {
            // V.postN.dev0 is the first version after V.post(N-1) (or V) and its local versions.
            BigInteger previous = v.post().signum() == 0 ? null : v.post().subtract(BigInteger.ONE);
            return "<=" + Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), previous, null);
        }
        return (inclusive ? "<=" : "<") + v;
    }

    private static boolean isDevZeroOfPlainRelease(Version v) {
        return BigInteger.ZERO.equals(v.dev()) && v.preKind() == null && v.post() == null && !v.hasLocal();
    }
}
