package io.kompat.requirement;

import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A PEP 508 dependency specifier: {@code name[extras] specifiers ; marker} or {@code name @ url ; marker}.
 * Immutable; parsed once by {@link #parse(String)}.
 */
public final class Requirement {
    private final PackageName name;
    private final int nameColumn;
    private final List<String> extras;
    private final SpecifierSet specifiers;
    private final String url;
    private final Marker marker;

    Requirement(PackageName name, int nameColumn, List<String> extras, SpecifierSet specifiers, String url, Marker marker) {
        this.name = Objects.requireNonNull(name);
        this.nameColumn = nameColumn;
        this.extras = List.copyOf(new TreeSet<>(extras));
        this.specifiers = Objects.requireNonNull(specifiers);
        this.url = url;
        this.marker = marker;
    }

    /**
     * Parses a dependency specifier.
     *
     * @throws InvalidRequirementException with the column of the problem
     */
    public static Requirement parse(String text) {
        Objects.requireNonNull(text, "text");
        return Pep508Parser.parseRequirement(text);
    }

    /** A requirement on {@code name} with the given specifiers, no extras, URL or marker. */
    public static Requirement of(PackageName name, SpecifierSet specifiers) {
        return new Requirement(name, 0, List.of(), specifiers, null, null);
    }

    /** A requirement on {@code name} with extras, specifiers and a marker (null for none), no URL. */
    public static Requirement of(PackageName name, List<String> extras, SpecifierSet specifiers, Marker marker) {
        return new Requirement(name, 0, extras, specifiers, null, marker);
    }

    /** The same requirement with {@code specifiers} instead of its own. */
    public Requirement withSpecifiers(SpecifierSet other) {
        return new Requirement(name, nameColumn, extras, other, url, marker);
    }

    public PackageName name() {
        return name;
    }

    /** Zero-based index of the name in the parsed text. */
    public int nameColumn() {
        return nameColumn;
    }

    /** Extra names as written, sorted, each once. */
    public List<String> extras() {
        return extras;
    }

    public SpecifierSet specifiers() {
        return specifiers;
    }

    /** The direct URL of {@code name @ url}. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /**
     * Whether this Requires-Dist entry applies in {@code env} with one of {@code extras} requested ({@code ""} for none):
     * no marker, or a marker true for one of them. A marker the environment cannot evaluate applies to none, as pip
     * installs nothing for it.
     */
    public boolean appliesWith(MarkerEnvironment env, java.util.Collection<String> extras) {
        if (marker == null) {
            return true;
        }
        for (String extra : extras) {
            try {
                if (marker.evaluate(env.withExtra(extra))) {
                    return true;
                }
            } catch (MarkerEvaluationException e) {
                // Not applied for this extra.
            }
        }
        return false;
    }

    /** The reference's normal spelling: {@code name[a,b]<2,>=1; python_version < "3.8"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name.original());
        if (!extras.isEmpty()) {
            sb.append('[').append(String.join(",", extras)).append(']');
        }
        sb.append(specifiers);
        if (url != null) {
            sb.append(" @ ").append(url);
            if (marker != null) {
                sb.append(' ');
            }
        }
        if (marker != null) {
            sb.append("; ").append(marker);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Requirement)) {
            return false;
        }
        Requirement r = (Requirement) o;
        return name.equals(r.name) && extras.equals(r.extras) && specifiers.equals(r.specifiers)
                && Objects.equals(url, r.url) && Objects.equals(marker, r.marker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, extras, specifiers, url, marker);
    }

    /** Extras in their PEP 503 normal form. */
    public List<String> normalizedExtras() {
        return extras.stream().map(PackageName::normalize).distinct().sorted().collect(Collectors.toList());
    }
}
