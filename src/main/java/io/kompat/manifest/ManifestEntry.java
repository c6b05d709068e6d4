package io.kompat.manifest;

import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One requirement read from an input file, with where it came from and everything written beside it.
 *
 * @param kind requirement or constraint
 * @param origin pip syntax or a conda spec
 * @param name the distribution (PyPI name), or null for an unnamed URL or path
 * @param extras extras requested
 * @param specifiers the version constraint in PEP 440 terms (conda specs translated)
 * @param marker the environment marker, or null
 * @param text the requirement as written on its line
 * @param location file, line and column of the requirement
 * @param editable an {@code -e} line
 * @param url a direct URL, VCS URL or local path, or null
 * @param hashes {@code algorithm:digest} values from {@code --hash}
 * @param options other per-requirement options ({@code --global-option}, {@code --config-settings})
 * @param conda conda details, or null for pip lines
 */
public record ManifestEntry(Kind kind, Origin origin, PackageName name, List<String> extras, SpecifierSet specifiers,
        Marker marker, String text, SourceLocation location, boolean editable, String url, List<String> hashes,
        Map<String, List<String>> options, CondaDetails conda) {

    /** Whether the entry asks for a package or only limits one. */
    public enum Kind { REQUIREMENT, CONSTRAINT }

    /** The syntax the entry was written in. */
    public enum Origin { PIP, CONDA }

    /**
     * Conda specifics: the original match spec or export line, its build string and channel, and whether
     * the package is conda-only (no PyPI counterpart, like {@code cudatoolkit}).
     */
    public record CondaDetails(String condaName, String spec, String version, String build, String channel, boolean nativeOnly) {
    }

    public ManifestEntry {
        extras = List.copyOf(extras);
        hashes = List.copyOf(hashes);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** True when kompat can check this entry: a named package that is not editable, a local path or VCS checkout. */
    public boolean isCheckable() {
        return name != null && !editable && (conda == null || !conda.nativeOnly()) && (url == null || isWheelUrl());
    }

    /** Why {@link #isCheckable()} is false, or empty. */
    public Optional<String> uncheckableReason() {
        if (isCheckable()) {
            return Optional.empty();
        }
        if (conda != null && conda.nativeOnly()) {
            return Optional.of("conda-only package (no PyPI distribution)");
        }
        if (name == null) {
            return Optional.of("unnamed URL or path: the package name is unknown until it is built");
        }
        if (editable) {
            return Optional.of("editable install: its metadata comes from a local checkout");
        }
        return Optional.of(url.contains("+") && url.indexOf('+') < url.indexOf(':') ? "VCS checkout: its version is unknown until it is built"
                : "direct URL or path: its version is unknown until it is built");
    }

    private boolean isWheelUrl() {
        String path = url.split("[#?]", 2)[0];
        return path.endsWith(".whl");
    }

    public boolean isConstraint() {
        return kind == Kind.CONSTRAINT;
    }
}
