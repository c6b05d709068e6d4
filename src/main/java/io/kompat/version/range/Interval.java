package io.kompat.version.range;

/**
 * A non-empty stretch of the version line. {@code lower} is never null (the line starts at
 * {@code 0.dev0}); a null {@code upper} means unbounded above. Bounds at an after-release limit are
 * always exclusive, so equal intervals have equal fields.
 */
record Interval(Point lower, boolean lowerInclusive, Point upper, boolean upperInclusive) {

    Interval {
        if (lower.afterRelease()) {
            lowerInclusive = false;
        }
        if (upper != null && upper.afterRelease()) {
            upperInclusive = false;
        }
    }

    /** Whether this range of the line holds any version at all. */
    static boolean isEmpty(Point lower, boolean lowerInclusive, Point upper, boolean upperInclusive) {
        if (upper == null) {
            return false;
        }
        int c = lower.compareTo(upper);
        return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive && !lower.afterRelease()));
    }

    boolean contains(io.kompat.version.Version v) {
        Point p = Point.at(v);
        int lo = lower.compareTo(p);
        if (lo > 0 || (lo == 0 && !lowerInclusive)) {
            return false;
        }
        if (upper == null) {
            return true;
        }
        int hi = p.compareTo(upper);
        return hi < 0 || (hi == 0 && upperInclusive);
    }

    /** Orders lower bounds: smaller point first; at the same point an inclusive bound starts earlier. */
    static int compareLower(Point a, boolean aInclusive, Point b, boolean bInclusive) {
        int c = a.compareTo(b);
        return c != 0 ? c : Boolean.compare(bInclusive, aInclusive);
    }

    /** Orders upper bounds: null is +infinity; at the same point an exclusive bound ends earlier. */
    static int compareUpper(Point a, boolean aInclusive, Point b, boolean bInclusive) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = a.compareTo(b);
        return c != 0 ? c : Boolean.compare(aInclusive, bInclusive);
    }
}
