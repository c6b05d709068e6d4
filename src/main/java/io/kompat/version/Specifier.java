package io.kompat.version;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * One PEP 440 version specifier clause such as {@code >=1.15}, {@code ==2.4.*} or {@code ~=2.2}.
 * Matching follows {@code packaging.specifiers.Specifier} with pre-releases allowed; the pre-release
 * policy lives in {@link SpecifierSet}.
 */
public final class Specifier {
    private final Operator operator;
    private final String versionText;
    private final Version version;
    private final boolean wildcard;

    private Specifier(Operator operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
    }

    /**
     * Parses one clause. White space around the clause and after the operator is allowed.
     *
     * @throws InvalidSpecifierException with the offending position
     */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[start, end)} as one clause; positions in errors refer to {@code text}. */
    static Specifier parse(String text, int start, int end) {
        int from = PyText.skipSpace(text, start);
        int to = end;
        while (to > from && PyText.isSpace(text.charAt(to - 1))) {
            to--;
        }
        Operator op = from < to ? Operator.prefixOf(text, from) : null;
        if (op == null) {
            throw new InvalidSpecifierException(text, from,
                    "expected an operator (==, !=, <=, >=, <, >, ~=, ===)");
        }
        int vStart = PyText.skipSpace(text, from + op.symbol().length());
        if (vStart >= to && op != Operator.ARBITRARY) {
            throw new InvalidSpecifierException(text, vStart, "expected a version after '" + op.symbol() + "'");
        }
        String vText = text.substring(vStart, to);
        if (op == Operator.ARBITRARY) {
            for (int i = vStart; i < to; i++) {
                char c = text.charAt(i);
                if (PyText.isSpace(c) || c == ';' || c == ')') {
                    throw new InvalidSpecifierException(text, i, "unexpected character '" + c + "' in arbitrary version");
                }
            }
            return new Specifier(op, vText, Version.tryParse(vText), false);
        }
        try {
            boolean isWildcard = vText.endsWith(".*");
            if (isWildcard) {
                if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                    throw new InvalidSpecifierException(text, to - 2, "'.*' is only allowed with == and !=");
                }
                return new Specifier(op, vText, VersionScanner.scanReleaseOnly(text, vStart, to - 2), true);
            }
            boolean allowLocal = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
            Version v = VersionScanner.scan(text, vStart, to, allowLocal);
            if (op == Operator.COMPATIBLE && v.release().size() < 2) {
                throw new InvalidSpecifierException(text, vStart, "~= needs a version with at least two release numbers");
            }
            return new Specifier(op, vText, v, false);
        } catch (InvalidVersionException e) {
            throw new InvalidSpecifierException(text, e.position(), e.reason());
        }
    }

    /** A clause found at the start of a longer text, and the index just after it. */
    public record Match(Specifier specifier, int end) {
    }

    /**
     * Reads the clause that starts exactly at {@code text[from]}, as far as the grammar allows (the
     * way a requirement's tokenizer does), or returns {@code null} when none starts there.
     */
    public static Match matchAt(String text, int from) {
        Operator op = Operator.prefixOf(text, from);
        if (op == null) {
            return null;
        }
        int vStart = PyText.skipSpace(text, from + op.symbol().length());
        int end = text.length();
        if (op == Operator.ARBITRARY) {
            int i = vStart;
            while (i < end && !PyText.isSpace(text.charAt(i)) && text.charAt(i) != ';' && text.charAt(i) != ')') {
                i++;
            }
            String vText = text.substring(vStart, i);
            return new Match(new Specifier(op, vText, Version.tryParse(vText), false), i);
        }
        boolean equality = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
        if (equality) {
            VersionScanner.Prefix release = VersionScanner.scanPrefix(text, vStart, end, false, true);
            if (release != null && text.startsWith(".*", release.end())) {
                int stop = release.end() + 2;
                return new Match(new Specifier(op, text.substring(vStart, stop), release.version(), true), stop);
            }
        }
        VersionScanner.Prefix found = VersionScanner.scanPrefix(text, vStart, end, equality, false);
        if (found == null || (op == Operator.COMPATIBLE && found.version().release().size() < 2)) {
            return null;
        }
        return new Match(new Specifier(op, text.substring(vStart, found.end()), found.version(), false), found.end());
    }

    public Operator operator() {
        return operator;
    }

    /** The version as written (after the operator, white space removed), including any {@code .*}. */
    public String versionText() {
        return versionText;
    }

    /**
     * The parsed version: for a wildcard the prefix before {@code .*}; for {@code ===} the version if
     * the text happens to be one, else {@code null}.
     */
    public Version version() {
        return version;
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /** True when the specifier text carries a local label ({@code ==1.0+cpu}). */
    public boolean hasLocal() {
        return version != null && version.hasLocal() && operator != Operator.ARBITRARY;
    }

    /**
     * Whether the specifier by itself admits pre-releases, as {@code Specifier.prereleases} computes it:
     * {@code null} where unknown (an arbitrary, non-version string).
     */
    public Boolean prereleases() {
        if (operator == Operator.NOT_EQUAL || wildcard) {
            return Boolean.FALSE;
        }
        return version == null ? null : version.isPrerelease();
    }

    /** Whether {@code v} satisfies this clause, ignoring any pre-release policy. */
    public boolean matches(Version v) {
        switch (operator) {
            case ARBITRARY:
                return v.toString().toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
            case EQUAL:
                return equalMatch(v);
            case NOT_EQUAL:
                return !equalMatch(v);
            case LESS_EQUAL:
                return v.publicVersion().compareTo(version) <= 0;
            case GREATER_EQUAL:
                return v.publicVersion().compareTo(version) >= 0;
            case LESS:
                return lessMatch(v);
            case GREATER:
                return greaterMatch(v);
            case COMPATIBLE:
                return v.publicVersion().compareTo(version) >= 0 && prefixMatch(v, version, version.release().size() - 1);
            default:
                throw new AssertionError(operator);
        }
    }

    private boolean equalMatch(Version v) {
        if (wildcard) {
            return prefixMatch(v, version, version.release().size());
        }
        return (version.hasLocal() ? v : v.publicVersion()).equals(version);
    }

    private boolean lessMatch(Version v) {
        if (v.compareTo(version) >= 0) {
            return false;
        }
        // "<V" must not admit a pre-release of V itself unless V is one.
        return version.isPrerelease() || !v.isPrerelease() || v.compareTo(earliestPrerelease(version)) < 0;
    }

    private boolean greaterMatch(Version v) {
        if (v.compareTo(version) <= 0) {
            return false;
        }
        // ">V" must not admit a post-release of V unless V is one, nor a local version of V.
        if (!version.isPostrelease() && v.isPostrelease() && postBase(v).equals(version)) {
            return false;
        }
        return !(v.hasLocal() && v.publicVersion().equals(version));
    }

    /** Epoch equal and the first {@code length} release numbers equal, both padded with zeros. */
    private static boolean prefixMatch(Version v, Version prefix, int length) {
        if (!v.epoch().equals(prefix.epoch())) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!v.releasePart(i).equals(prefix.releasePart(i))) {
                return false;
            }
        }
        return true;
    }

    static Version earliestPrerelease(Version v) {
        return Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), v.post(), BigInteger.ZERO);
    }

    private static Version postBase(Version v) {
        return Version.fromParts(v.epoch(), v.release(), v.preKind(), v.preNumber(), null, null);
    }

    /**
     * Operator plus normalized version ({@code ==1.0} and {@code == 1.0.0} agree); {@code ~=} keeps
     * trailing zeros because they change its meaning. Equality is defined on this form.
     */
    String canonical() {
        if (operator == Operator.ARBITRARY || wildcard) {
            return toString();
        }
        return operator.symbol() + (operator == Operator.COMPATIBLE ? version.toString() : version.toStringTrimmed());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Specifier && canonical().equals(((Specifier) o).canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return operator.symbol() + versionText;
    }
}
