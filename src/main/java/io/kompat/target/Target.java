package io.kompat.target;

import io.kompat.requirement.MarkerEnvironment;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.Map;
import java.util.Objects;

/**
 * What kompat predicts for: a CPython version on a platform (not the host running kompat). Parsed once;
 * its marker environment and wheel tags are computed with it, so nothing downstream re-parses the Python.
 */
public final class Target {
    private final Version python;
    private final Platform platform;
    private final MarkerEnvironment markers;
    private final WheelTags wheelTags;

    private Target(Version python, Platform platform) {
        this.python = python;
        this.platform = Objects.requireNonNull(platform, "platform");
        this.markers = MarkerEnvironment.forTarget(python.toString(), platform);
        this.wheelTags = new WheelTags(python.releasePart(0).intValue(), python.releasePart(1).intValue(), platform);
    }

    /**
     * The target CPython {@code python} ({@code X.Y} or {@code X.Y.Z}) on {@code platform}.
     *
     * @throws IllegalArgumentException when {@code python} is not written X.Y or X.Y.Z
     */
    public static Target of(Version python, Platform platform) {
        if (python.release().size() < 2 || python.release().size() > 3 || python.epoch().signum() != 0 || python.hasLocal()
                || python.isPostrelease() || python.isDevrelease() || python.releasePart(0).bitLength() > 8
                || python.releasePart(1).bitLength() > 16) {
            throw new IllegalArgumentException("a target Python is written X.Y or X.Y.Z, not '" + python + "'");
        }
        return new Target(python, platform);
    }

    /**
     * Parses {@code python} as written on a command line or in an input file.
     *
     * @throws IllegalArgumentException when it is not a version written X.Y or X.Y.Z
     */
    public static Target parse(String python, Platform platform) {
        Version v = Version.tryParse(python.trim());
        if (v == null) {
            throw new IllegalArgumentException("a target Python is written X.Y or X.Y.Z, not '" + python + "'");
        }
        return of(v, platform);
    }

    /** The interpreter's version as given ({@code 3.8} or {@code 3.8.10}). */
    public Version python() {
        return python;
    }

    /** The interpreter's full version as marker evaluation sees it ({@code 3.8.0} for {@code 3.8}). */
    public Version pythonFull() {
        return markers.python();
    }

    /** The release line, {@code 3.8}. */
    public Version pythonLine() {
        return Version.of(python.releasePart(0).longValue(), python.releasePart(1).longValue());
    }

    /** {@code python_version}: {@code 3.8}. */
    public String pythonMinor() {
        return markers.pythonVersion();
    }

    public Platform platform() {
        return platform;
    }

    /** The PEP 508 marker variables of the target. */
    public MarkerEnvironment markers() {
        return markers;
    }

    /** The marker variables as a map, for {@code Marker.evaluate}. */
    public Map<String, String> markerMap() {
        return markers.asMap();
    }

    /** Which wheels install on the target. */
    public WheelTags wheelTags() {
        return wheelTags;
    }

    /** The same platform with another Python. */
    public Target withPython(Version other) {
        return of(other, platform);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.python.equals(python) && t.platform == platform;
    }

    @Override
    public int hashCode() {
        return python.hashCode() * 31 + platform.hashCode();
    }

    /** {@code Python 3.8 on linux-x86_64}. */
    @Override
    public String toString() {
        return "Python " + python + " on " + platform.id();
    }
}
