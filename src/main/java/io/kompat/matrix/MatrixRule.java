package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.Map;
import java.util.Set;

/**
 * One curated fact about releases {@code versions} of {@code pkg}. Any combination of facets may be
 * present:
 *
 * @param platforms the platforms the rule holds on; empty means every platform
 * @param python Pythons the releases install on, per platform; a null key means every platform
 * @param requires packages that must also be installed, in the given versions ({@link #SAME_VERSION}: the
 *     same version as {@code pkg})
 * @param constrains packages that, if installed, must be in the given versions ({@link #SAME_VERSION}: the
 *     same version as {@code pkg})
 * @param conflicts package versions that cannot be installed together with these releases
 * @param unavailable why these releases cannot be installed at all, or null
 * @param build how the releases were built and tested ({@code cuda}, {@code cudnn}); empty when unknown
 * @param kind runtime fact or release metadata
 * @param error the error users see when the rule is broken, or null
 * @param when when it breaks ({@code import}, {@code load}, {@code call}, ...), or null
 * @param alternatives packages any release of which, installed instead, meets the need {@code requires} states
 *     (another Keras backend in place of TensorFlow); empty for most rules
 * @param codeUses the names only code using one of which hits the break ({@code _get_available_gpus},
 *     {@code LSTM}); empty when any code does
 */
public record MatrixRule(PackageName pkg, VersionSet versions, Set<Platform> platforms, Map<Platform, SpecifierSet> python,
        Map<PackageName, SpecifierSet> requires, Map<PackageName, SpecifierSet> constrains,
        Map<PackageName, SpecifierSet> conflicts, String unavailable, Map<String, String> build, Citation citation,
        Kind kind, String error, String when, java.util.List<PackageName> alternatives, java.util.List<String> codeUses) {

    /** Which of the two kinds of fact a rule states. */
    public enum Kind {
        /** What breaks although pip installs it: the installer knows none of these. */
        RUNTIME,
        /** What a release declares to the installer, kept as a rule until a release-metadata file states it. */
        METADATA,
        /** The versions a release was tested with: a fact worth showing, not a break (nothing enforces it). */
        TESTED
    }

    /** A runtime rule without an error text (the form of the older rule files). */
    public MatrixRule(PackageName pkg, VersionSet versions, Set<Platform> platforms, Map<Platform, SpecifierSet> python,
            Map<PackageName, SpecifierSet> requires, Map<PackageName, SpecifierSet> constrains,
            Map<PackageName, SpecifierSet> conflicts, String unavailable, Map<String, String> build, Citation citation) {
        this(pkg, versions, platforms, python, requires, constrains, conflicts, unavailable, build, citation, Kind.RUNTIME, null, null,
                java.util.List.of(), java.util.List.of());
    }

    /** Marker value of {@link #requires()} and {@link #constrains()}: the other package must have the same version. */
    public static final SpecifierSet SAME_VERSION = SpecifierSet.parse("===same-version");

    /** How a rule writes "any release" of the other package ({@code requires: {tensorflow: ">=0"}}): a need of the package itself. */
    public static final SpecifierSet ANY_RELEASE = SpecifierSet.parse(">=0");

    public MatrixRule {
        platforms = Set.copyOf(platforms);
        python = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(python));
        requires = ordered(requires);
        constrains = ordered(constrains);
        conflicts = ordered(conflicts);
        build = ordered(build);
        alternatives = alternatives == null ? java.util.List.of() : java.util.List.copyOf(alternatives);
        codeUses = codeUses == null ? java.util.List.of() : java.util.List.copyOf(codeUses);
    }

    /** An unmodifiable copy that keeps the file's order (Map.copyOf would not), so results are deterministic. */
    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public String id() {
        return citation.id();
    }

    public boolean appliesTo(Version v) {
        return versions.contains(v);
    }

    /** The platform ids the rule is limited to, sorted (empty when it holds everywhere). */
    public java.util.List<String> platformIds() {
        return platforms.stream().map(Platform::id).sorted().toList();
    }

    /** {@code " (or theano, cntk)"}: what else meets the rule's need, for a text that names the need; empty when nothing. */
    public String alternativesText() {
        return alternatives.isEmpty() ? "" : " (or " + String.join(", ", alternatives.stream().map(PackageName::value).toList()) + ")";
    }

    /** Whether the rule holds on {@code platform}. */
    public boolean holdsOn(Platform platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }

    /** The Python range for {@code platform}, or null when the rule says nothing about it. */
    public SpecifierSet pythonFor(Platform platform) {
        SpecifierSet s = python.get(platform);
        return s != null ? s : python.get(null);
    }
}
