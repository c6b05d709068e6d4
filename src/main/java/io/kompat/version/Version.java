package io.kompat.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A PEP 440 version, parsed once and normalized. Ordering, equality and {@link #toString()} follow the
 * reference implementation ({@code packaging.version.Version}): {@code 1.0 == 1.0.0}, dev releases sort
 * before pre-releases, which sort before the final release, which sorts before post-releases; a local
 * version sorts after its public version.
 *
 * <p>Numbers are arbitrary precision, so {@code 1.99999999999999999999} parses and compares exactly.
 */
public final class Version implements Comparable<Version> {
    /** Pre-release kinds in their sort order; {@code alpha}, {@code beta}, {@code c}, {@code pre} normalize onto them. */
    public enum PreKind {
        A("a"), B("b"), RC("rc");

        private final String label;

        PreKind(String label) {
            this.label = label;
        }

        /** The normalized spelling. */
        public String label() {
            return label;
        }
    }

    /** The smallest version there is: {@code 0.dev0}. */
    public static final Version MIN = new Version(BigInteger.ZERO, List.of(BigInteger.ZERO), null, null, null, BigInteger.ZERO, null);

    // Sort ranks of the pre-release slot: dev-only < a < b < rc < none.
    private static final int RANK_DEV_ONLY = -1;
    private static final int RANK_FINAL = 3;

    private final BigInteger epoch;
    private final BigInteger[] release;
    private final BigInteger[] trimmedRelease;
    private final PreKind preKind;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final Object[] local;
    private final int hash;

    Version(BigInteger epoch, List<BigInteger> release, PreKind preKind, BigInteger preNumber,
            BigInteger post, BigInteger dev, List<Object> local) {
        if (release.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one release number");
        }
        this.epoch = Objects.requireNonNull(epoch);
        this.release = release.toArray(new BigInteger[0]);
        int n = this.release.length;
        while (n > 0 && this.release[n - 1].signum() == 0) {
            n--;
        }
        this.trimmedRelease = Arrays.copyOf(this.release, n);
        this.preKind = preKind;
        this.preNumber = preKind == null ? null : (preNumber == null ? BigInteger.ZERO : preNumber);
        this.post = post;
        this.dev = dev;
        this.local = local == null || local.isEmpty() ? null : local.toArray();
        this.hash = computeHash();
    }

    /**
     * Parses a version as PEP 440 allows it, with its normalizations (case, separators, implicit
     * numbers, alternative spellings, {@code v} prefix, surrounding white space).
     *
     * @throws InvalidVersionException with the offending position when {@code text} is not a version
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        int start = PyText.skipSpace(text, 0);
        int end = text.length();
        while (end > start && PyText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new InvalidVersionException(text, start, "empty version");
        }
        return VersionScanner.scan(text, start, end, true);
    }

    /** Parses like {@link #parse(String)} but returns {@code null} for an invalid version. */
    public static Version tryParse(String text) {
        try {
            return parse(text);
        } catch (InvalidVersionException e) {
            return null;
        }
    }

    /** A plain release version such as {@code of(1, 15, 5)}. */
    public static Version of(long... release) {
        List<BigInteger> parts = new ArrayList<>(release.length);
        for (long r : release) {
            parts.add(BigInteger.valueOf(r));
        }
        return new Version(BigInteger.ZERO, parts, null, null, null, null, null);
    }

    public BigInteger epoch() {
        return epoch;
    }

    /** The release numbers as written (trailing zeros kept). */
    public List<BigInteger> release() {
        return Collections.unmodifiableList(Arrays.asList(release));
    }

    public PreKind preKind() {
        return preKind;
    }

    public BigInteger preNumber() {
        return preNumber;
    }

    public BigInteger post() {
        return post;
    }

    public BigInteger dev() {
        return dev;
    }

    /** The normalized local label ({@code ubuntu.1}), or {@code null}. */
    public String local() {
        if (local == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object part : local) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** True for dev releases and pre-releases. */
    public boolean isPrerelease() {
        return dev != null || preKind != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    public boolean isDevrelease() {
        return dev != null;
    }

    public boolean hasLocal() {
        return local != null;
    }

    /** This version without its local label. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release(), preKind, preNumber, post, dev, null);
    }

    /**
     * A version from its parts, without a local label; {@code null} leaves a part out. The
     * pre-release number defaults to 0 when a kind is given.
     */
    public static Version fromParts(BigInteger epoch, List<BigInteger> release, PreKind preKind,
            BigInteger preNumber, BigInteger post, BigInteger dev) {
        return new Version(epoch, release, preKind, preNumber, post, dev, null);
    }

    /** The {@code index}-th release number, 0 past the end (as PEP 440 pads). */
    public BigInteger releasePart(int index) {
        return index < release.length ? release[index] : BigInteger.ZERO;
    }

    /** Compares epoch and release (trailing zeros ignored) only. */
    public int compareRelease(Version other) {
        int c = epoch.compareTo(other.epoch);
        return c != 0 ? c : compareTrimmed(trimmedRelease, other.trimmedRelease);
    }

    private static int compareTrimmed(BigInteger[] a, BigInteger[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private int preRank() {
        if (preKind != null) {
            return preKind.ordinal();
        }
        return post == null && dev != null ? RANK_DEV_ONLY : RANK_FINAL;
    }

    @Override
    public int compareTo(Version o) {
        int c = compareRelease(o);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        c = compareNullableLow(preNumber, o.preNumber);
        if (c != 0) {
            return c;
        }
        // No post-release sorts before any post-release.
        c = compareNullableLow(post, o.post);
        if (c != 0) {
            return c;
        }
        // A dev release sorts before the same version without one.
        c = compareNullableHigh(dev, o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    private static int compareNullableLow(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static int compareNullableHigh(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    private static int compareLocal(Object[] a, Object[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareLocalPart(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    // PEP 440: alphanumeric segments sort before numeric ones.
    private static int compareLocalPart(Object a, Object b) {
        if (a instanceof BigInteger && b instanceof BigInteger) {
            return ((BigInteger) a).compareTo((BigInteger) b);
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        return a instanceof String ? -1 : 1;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Version && hash == ((Version) o).hash && compareTo((Version) o) == 0);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private int computeHash() {
        int h = epoch.hashCode();
        h = 31 * h + Arrays.hashCode(trimmedRelease);
        h = 31 * h + preRank();
        h = 31 * h + Objects.hashCode(preNumber);
        h = 31 * h + Objects.hashCode(post);
        h = 31 * h + Objects.hashCode(dev);
        return 31 * h + Arrays.hashCode(local);
    }

    /** The normalized form, identical to {@code str(packaging.version.Version(s))}. */
    @Override
    public String toString() {
        return format(release.length);
    }

    /** The normalized form with trailing zeros of the release dropped ({@code 1.4.0} gives {@code 1.4}). */
    public String toStringTrimmed() {
        return format(Math.max(1, trimmedRelease.length));
    }

    private String format(int releaseCount) {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        appendPublicTail(sb, releaseCount);
        if (local != null) {
            sb.append('+').append(local());
        }
        return sb.toString();
    }

    private void appendPublicTail(StringBuilder sb, int releaseCount) {
        for (int i = 0; i < releaseCount; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release[i]);
        }
        if (preKind != null) {
            sb.append(preKind.label()).append(preNumber);
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
    }
}
