package io.kompat.version.range;

import io.kompat.version.Version;

/**
 * A place on the version line where an interval may start or end: either a real version, or the
 * limit just after every version of one release ({@code 1.0}, {@code 1.0.post7}, {@code 1.0+local}, ...),
 * which PEP 440's {@code >1.0} needs because no version sits there.
 */
record Point(Version version, boolean afterRelease) implements Comparable<Point> {

    static Point at(Version v) {
        return new Point(v, false);
    }

    static Point afterReleaseOf(Version v) {
        return new Point(Version.fromParts(v.epoch(), v.release(), null, null, null, null), true);
    }

    @Override
    public int compareTo(Point o) {
        if (!afterRelease && !o.afterRelease) {
            return version.compareTo(o.version);
        }
        int c = version.compareRelease(o.version);
        if (c != 0 || (afterRelease && o.afterRelease)) {
            return c;
        }
        // Same release: the limit lies after every version of it.
        return afterRelease ? 1 : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point && compareTo((Point) o) == 0;
    }

    @Override
    public int hashCode() {
        return afterRelease ? 31 * version.toStringTrimmed().hashCode() + 1 : version.hashCode();
    }
}
