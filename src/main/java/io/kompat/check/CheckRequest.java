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
 *
 * @param installed whether the input is what pip is asked to install, or what an environment has installed
 */
public record CheckRequest(Manifest manifest, PythonChoice python, Platform platform, int maxFixes,
        Map<PackageName, Version> preferred, Installed installed) {
    /** What the input's releases are. */
    public enum Installed {
        /** What pip is asked to install: the check predicts pip's resolution of it. */
        NO,
        /**
         * A list of what an environment has installed ({@code pip freeze}): judged as it stands, and what its releases
         * declare and it lacks is reported from their metadata ({@code pip check}).
         */
        LISTED,
        /** An environment read from disk ({@code --env}): judged as it stands; the caller checks its own requirements. */
        READ
    }

    public CheckRequest {
        preferred = Map.copyOf(preferred);
        installed = installed == null ? Installed.NO : installed;
    }

    public CheckRequest(Manifest manifest, PythonChoice python, Platform platform, int maxFixes, Map<PackageName, Version> preferred) {
        this(manifest, python, platform, maxFixes, preferred, Installed.NO);
    }

    public CheckRequest(Manifest manifest, PythonChoice python, Platform platform) {
        this(manifest, python, platform, 3, Map.of());
    }

    /** The same check of an input that is what is installed ({@link Installed#LISTED} or {@link Installed#READ}). */
    public CheckRequest installed(Installed how) {
        return new CheckRequest(manifest, python, platform, maxFixes, preferred, how);
    }
}
