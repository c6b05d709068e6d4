package io.kompat.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written scanner for the PEP 440 version grammar, mirroring the regular expression of the
 * reference implementation alternative by alternative (spellings are tried in the same order, and a
 * matched optional part is never given back, as with its possessive quantifiers).
 */
final class VersionScanner {
    private static final String[] PRE_SPELLINGS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
    private static final String[] POST_SPELLINGS = {"post", "rev", "r"};
    /** Longest number read: real versions use at most 14 digits (a timestamp); this bounds BigInteger's cost. */
    static final int MAX_DIGITS = 100;
    /** Most release numbers or local-label parts read: real versions have at most 6. */
    static final int MAX_PARTS = 100;

    private final String input;
    private final int end;
    private int pos;

    private VersionScanner(String input, int start, int end) {
        this.input = input;
        this.pos = start;
        this.end = end;
    }

    /** Parses {@code input[start, end)} as a whole version, allowing a local segment when asked. */
    static Version scan(String input, int start, int end, boolean allowLocal) {
        VersionScanner s = new VersionScanner(input, start, end);
        Version v = s.version(allowLocal);
        if (s.pos != end) {
            boolean plus = input.charAt(s.pos) == '+';
            throw s.error(plus && !allowLocal ? "a local version label is not allowed here"
                    : plus ? "expected a local version label after '+'"
                    : "unexpected character '" + input.charAt(s.pos) + "'");
        }
        return v;
    }

    /** A version found at the start of a longer text, and where it ends. */
    record Prefix(Version version, int end) {
    }

    /**
     * Reads the longest version at {@code input[start..]} (as a regular expression search would),
     * or returns {@code null} when none starts there. With {@code releaseOnly} only {@code v? (N!)? N(.N)*}.
     */
    static Prefix scanPrefix(String input, int start, int end, boolean allowLocal, boolean releaseOnly) {
        VersionScanner s = new VersionScanner(input, start, end);
        try {
            if (releaseOnly) {
                s.consumeV();
                BigInteger epoch = s.epoch();
                return new Prefix(new Version(epoch, s.release(), null, null, null, null, null), s.pos);
            }
            return new Prefix(s.version(allowLocal), s.pos);
        } catch (InvalidVersionException e) {
            if (e.overLimit()) {
                throw e;
            }
            return null;
        }
    }

    /** Parses {@code input[start, end)} as {@code v? (N!)? N(.N)*}, the prefix of a wildcard specifier. */
    static Version scanReleaseOnly(String input, int start, int end) {
        VersionScanner s = new VersionScanner(input, start, end);
        s.consumeV();
        BigInteger epoch = s.epoch();
        List<BigInteger> release = s.release();
        if (s.pos != end) {
            throw s.error("only a release number may precede '.*'");
        }
        return new Version(epoch, release, null, null, null, null, null);
    }

    private Version version(boolean allowLocal) {
        consumeV();
        BigInteger epoch = epoch();
        List<BigInteger> release = release();
        Version.PreKind preKind = null;
        BigInteger preNumber = null;
        int mark = pos;
        skipSeparator();
        int spelling = matchSpelling(PRE_SPELLINGS);
        if (spelling >= 0) {
            preKind = spelling <= 1 ? Version.PreKind.A : spelling <= 3 ? Version.PreKind.B : Version.PreKind.RC;
            skipSeparator();
            preNumber = optionalNumber();
        } else {
            pos = mark;
        }
        BigInteger post = post();
        BigInteger dev = dev();
        List<Object> local = null;
        if (allowLocal && pos + 1 < end && input.charAt(pos) == '+' && PyText.isAsciiAlnum(input.charAt(pos + 1))) {
            pos++;
            local = local();
        }
        return new Version(epoch, release, preKind, preNumber, post, dev, local);
    }

    private void consumeV() {
        if (pos < end && (input.charAt(pos) == 'v' || input.charAt(pos) == 'V')) {
            pos++;
        }
    }

    private BigInteger epoch() {
        int mark = pos;
        int digitsEnd = digitsEnd(pos);
        if (digitsEnd > pos && digitsEnd < end && input.charAt(digitsEnd) == '!') {
            BigInteger e = new BigInteger(input.substring(pos, digitsEnd));
            pos = digitsEnd + 1;
            return e;
        }
        pos = mark;
        return BigInteger.ZERO;
    }

    private List<BigInteger> release() {
        List<BigInteger> parts = new ArrayList<>(4);
        parts.add(requiredNumber("a release number"));
        while (pos + 1 < end && input.charAt(pos) == '.' && PyText.isAsciiDigit(input.charAt(pos + 1))) {
            if (parts.size() == MAX_PARTS) {
                throw overLimit("more than " + MAX_PARTS + " release numbers");
            }
            pos++;
            parts.add(requiredNumber("a release number"));
        }
        return parts;
    }

    private BigInteger post() {
        if (pos + 1 < end && input.charAt(pos) == '-' && PyText.isAsciiDigit(input.charAt(pos + 1))) {
            pos++;
            return requiredNumber("a post-release number");
        }
        int mark = pos;
        skipSeparator();
        if (matchSpelling(POST_SPELLINGS) >= 0) {
            skipSeparator();
            BigInteger n = optionalNumber();
            return n == null ? BigInteger.ZERO : n;
        }
        pos = mark;
        return null;
    }

    private BigInteger dev() {
        int mark = pos;
        skipSeparator();
        if (matchIgnoreCase("dev")) {
            skipSeparator();
            BigInteger n = optionalNumber();
            return n == null ? BigInteger.ZERO : n;
        }
        pos = mark;
        return null;
    }

    private List<Object> local() {
        List<Object> parts = new ArrayList<>(3);
        parts.add(localPart());
        while (pos + 1 < end && isSeparator(input.charAt(pos)) && PyText.isAsciiAlnum(input.charAt(pos + 1))) {
            if (parts.size() == MAX_PARTS) {
                throw overLimit("more than " + MAX_PARTS + " local label parts");
            }
            pos++;
            parts.add(localPart());
        }
        return parts;
    }

    private Object localPart() {
        int start = pos;
        while (pos < end && PyText.isAsciiAlnum(input.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a local version label after '+'");
        }
        if (pos - start > MAX_DIGITS) {
            throw overLimit("a local label part longer than " + MAX_DIGITS + " characters");
        }
        String text = input.substring(start, pos);
        boolean numeric = text.chars().allMatch(c -> c >= '0' && c <= '9');
        return numeric ? (Object) new BigInteger(text) : text.toLowerCase(java.util.Locale.ROOT);
    }

    private int matchSpelling(String[] spellings) {
        for (int i = 0; i < spellings.length; i++) {
            if (matchIgnoreCase(spellings[i])) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchIgnoreCase(String word) {
        if (pos + word.length() > end || !input.regionMatches(true, pos, word, 0, word.length())) {
            return false;
        }
        // regionMatches(ignoreCase) folds a few non-ASCII letters (e.g. U+212A KELVIN SIGN) that the
        // reference grammar, which matches ASCII only, rejects.
        for (int i = 0; i < word.length(); i++) {
            if (input.charAt(pos + i) > 0x7f) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    private void skipSeparator() {
        if (pos < end && isSeparator(input.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < end && PyText.isAsciiDigit(input.charAt(i))) {
            i++;
            if (i - from > MAX_DIGITS) {
                pos = from;
                throw overLimit("a number of more than " + MAX_DIGITS + " digits");
            }
        }
        return i;
    }

    private BigInteger optionalNumber() {
        int digitsEnd = digitsEnd(pos);
        if (digitsEnd == pos) {
            return null;
        }
        BigInteger n = new BigInteger(input.substring(pos, digitsEnd));
        pos = digitsEnd;
        return n;
    }

    private BigInteger requiredNumber(String what) {
        BigInteger n = optionalNumber();
        if (n == null) {
            throw error(pos < end ? "expected " + what + ", found '" + input.charAt(pos) + "'" : "expected " + what);
        }
        return n;
    }

    private InvalidVersionException overLimit(String reason) {
        return new InvalidVersionException(input, pos, reason, true);
    }

    private InvalidVersionException error(String reason) {
        return new InvalidVersionException(input, pos, reason);
    }
}
