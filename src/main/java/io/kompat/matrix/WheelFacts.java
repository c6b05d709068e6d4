package io.kompat.matrix;

import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.List;
import java.util.Set;

/**
 * Which wheels a release has: for these Python lines ({@code 3.8}) on these platforms (no platforms: the
 * platforms are not known, and taken as all), or one pure-Python wheel for every platform (its Pythons then
 * bounded by Requires-Python and the lines listed, if any).
 */
public record WheelFacts(List<Version> pythons, Set<Platform> platforms, boolean pure) {
    public WheelFacts {
        pythons = List.copyOf(pythons);
        platforms = Set.copyOf(platforms);
    }

    /** Whether a wheel installs on CPython {@code line} ({@code 3.8}) on {@code platform}. */
    public boolean installsOn(Version line, Platform platform) {
        boolean python = pythons.isEmpty() ? pure : pythons.contains(line);
        return python && (pure || platforms.isEmpty() || platforms.contains(platform));
    }
}
