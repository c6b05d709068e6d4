package io.kompat.check;

import io.kompat.manifest.Manifest;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.List;

/**
 * The Pythons a project says it supports ({@code requires-python}, Poetry's {@code python}): a Python line is
 * inside when some release of it is. Without a bound every line is inside.
 */
record PythonBound(SpecifierSet specifiers) {

    static PythonBound of(Manifest manifest) {
        return new PythonBound(manifest.pythonBounds().orElse(null));
    }

    boolean isPresent() {
        return specifiers != null;
    }

    /** Whether {@code python} (a line X.Y, or a release X.Y.Z) is inside the bound. */
    boolean admits(Version python) {
        if (specifiers == null) {
            return true;
        }
        if (python.release().size() >= 3) {
            return specifiers.contains(python, true);
        }
        Version next = Version.of(python.releasePart(0).longValue(), python.releasePart(1).longValue() + 1);
        return !VersionSet.of(specifiers).intersect(VersionSet.between(python, next)).isEmpty();
    }

    /** The lines inside the bound. */
    List<Version> filter(List<Version> lines) {
        return lines.stream().filter(this::admits).toList();
    }

    /** "the project's Python bound >=3.8,<3.11". */
    String describe() {
        return "the project's Python bound " + specifiers;
    }
}
