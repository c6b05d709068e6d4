package io.kompat.matrix;

import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which wheels a release has: for these Python lines ({@code 3.8}; none listed: not known, and taken as all) on
 * these platforms (no platforms: the platforms are not known, and taken as all), or one pure-Python wheel for
 * every platform (its Pythons then bounded by Requires-Python and the lines listed, if any). {@code byPlatform}
 * names other Python lines for some platforms (Windows wheels of TensorFlow 1.x were built for fewer Pythons than
 * the Linux ones); a platform named there has wheels for exactly those lines.
 */
public record WheelFacts(List<Version> pythons, Set<Platform> platforms, boolean pure, Map<Platform, List<Version>> byPlatform) {
    public WheelFacts {
        pythons = List.copyOf(pythons);
        platforms = Set.copyOf(platforms);
        byPlatform = Map.copyOf(byPlatform);
    }

    public WheelFacts(List<Version> pythons, Set<Platform> platforms, boolean pure) {
        this(pythons, platforms, pure, Map.of());
    }

    /** Whether a wheel installs on CPython {@code line} ({@code 3.8}) on {@code platform}. */
    public boolean installsOn(Version line, Platform platform) {
        List<Version> special = byPlatform.get(platform);
        if (special != null) {
            return special.contains(line);
        }
        // No Python list: pure, or known only by platform (tensorflow-text from 2.11: Linux x86_64 and Intel Macs).
        boolean python = pythons.isEmpty() || pythons.contains(line);
        // No platform list: every platform but those by-platform names (tensorflow-addons 0.23.0: none for Windows).
        boolean anywhere = platforms.isEmpty();
        return python && (pure || anywhere || platforms.contains(platform));
    }
}
