package io.kompat.provider;

import io.kompat.requirement.MarkerEnvironment;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;

/** What kompat resolves for: a CPython version on a platform (not the host running kompat). */
public record Target(String python, Platform platform) {

    public MarkerEnvironment environment() {
        return MarkerEnvironment.forTarget(python, platform);
    }

    public Version pythonVersion() {
        return Version.parse(python);
    }

    @Override
    public String toString() {
        return "Python " + python + " on " + platform.id();
    }
}
