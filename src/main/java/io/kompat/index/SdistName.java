package io.kompat.index;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;

/** A source distribution file name, {@code {name}-{version}.tar.gz} (or {@code .zip} and older archive kinds). */
public record SdistName(PackageName name, Version version) {
    private static final String[] SUFFIXES = {".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz", ".tar"};

    /** Parses a source distribution file name; null when it is not one kompat can read unambiguously. */
    public static SdistName tryParse(String filename) {
        for (String suffix : SUFFIXES) {
            if (filename.endsWith(suffix)) {
                String stem = filename.substring(0, filename.length() - suffix.length());
                int dash = stem.lastIndexOf('-');
                if (dash <= 0) {
                    return null;
                }
                Version v = Version.tryParse(stem.substring(dash + 1));
                String name = stem.substring(0, dash);
                return v == null || !PackageName.isValid(name) ? null : new SdistName(PackageName.of(name), v);
            }
        }
        return null;
    }
}
