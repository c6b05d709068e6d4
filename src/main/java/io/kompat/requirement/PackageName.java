package io.kompat.requirement;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A distribution name, compared in its PEP 503 normalized form: runs of {@code -}, {@code _} and
 * {@code .} become one {@code -} and letters are lower-cased, so {@code Keras_Preprocessing} equals
 * {@code keras-preprocessing}. The spelling the user wrote is kept for display.
 */
public final class PackageName implements Comparable<PackageName> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private final String normalized;
    private final String original;

    private PackageName(String normalized, String original) {
        this.normalized = normalized;
        this.original = original;
    }

    /**
     * A valid distribution name (letters, digits, {@code .-_}, starting and ending with a letter or digit).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static PackageName of(String name) {
        Objects.requireNonNull(name, "name");
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid package name '" + name + "'");
        }
        return new PackageName(normalize(name), name);
    }

    /**
     * A name as the PEP 508 grammar reads it, which also admits a trailing {@code _} that
     * {@link #of(String)} refuses.
     */
    static PackageName parsed(String name) {
        return new PackageName(normalize(name), name);
    }

    /**
     * A name from another ecosystem (a conda package such as {@code _libgcc_mutex}) that PEP 508 would
     * not admit; normalized the same way.
     */
    public static PackageName foreign(String name) {
        Objects.requireNonNull(name, "name");
        return new PackageName(normalize(name), name);
    }

    /** True when {@link #of(String)} accepts {@code name}. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The PEP 503 normal form of any string, as {@code packaging.utils.canonicalize_name} computes it. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * The virtual package "this distribution with extra {@code extra}" ({@code requests[socks]}), which a
     * resolver uses so that an extra's dependencies apply exactly when something asks for the extra.
     */
    public PackageName withExtra(String extra) {
        return new PackageName(normalized + "[" + normalize(extra) + "]", original + "[" + extra + "]");
    }

    /** The distribution of a {@link #withExtra} name (itself for a plain name). */
    public PackageName base() {
        int bracket = normalized.indexOf('[');
        return bracket < 0 ? this : new PackageName(normalized.substring(0, bracket), original.substring(0, original.indexOf('[')));
    }

    /** The extra of a {@link #withExtra} name, or null for a plain name. */
    public String extra() {
        int bracket = normalized.indexOf('[');
        return bracket < 0 ? null : normalized.substring(bracket + 1, normalized.length() - 1);
    }

    /** The normalized name, e.g. {@code keras-preprocessing}. */
    public String value() {
        return normalized;
    }

    /** The name as written. */
    public String original() {
        return original;
    }

    @Override
    public int compareTo(PackageName o) {
        return normalized.compareTo(o.normalized);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageName && normalized.equals(((PackageName) o).normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return normalized;
    }
}
