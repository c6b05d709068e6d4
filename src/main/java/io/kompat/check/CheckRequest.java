package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.util.Map;

/**
 * A check: the user's input, how to choose the target Python, the platform (null: the input's, else
 * linux-x86_64), how many fixes to offer, and releases to keep where they still work (a previous lock's
 * pins: kept as constraints, let go of together when the install does not work with them).
 */
public record CheckRequest(Manifest manifest, PythonChoice python, Platform platform, int maxFixes,
        Map<PackageName, Version> preferred) {
    public CheckRequest {
        preferred = Map.copyOf(preferred);
    }

    public CheckRequest(Manifest manifest, PythonChoice python, Platform platform) {
        this(manifest, python, platform, 3, Map.of());
    }
}
