package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.requirement.Platform;

/**
 * A check: the user's input, how to choose the target Python, the platform (null: the input's, else
 * linux-x86_64), and how many fixes to offer.
 */
public record CheckRequest(Manifest manifest, PythonChoice python, Platform platform, int maxFixes) {
    public CheckRequest(Manifest manifest, PythonChoice python, Platform platform) {
        this(manifest, python, platform, 3);
    }
}
