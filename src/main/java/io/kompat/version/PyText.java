package io.kompat.version;

/**
 * Character classes as Python's {@code str} methods define them, so that parsers agree with the
 * reference implementation ({@code packaging}) on inputs with unusual white space.
 */
public final class PyText {
    private PyText() {
    }

    /** True where Python's {@code str.isspace()} is true (bidi class WS, B or S, or category Zs). */
    public static boolean isSpace(int codePoint) {
        byte bidi = Character.getDirectionality(codePoint);
        return bidi == Character.DIRECTIONALITY_WHITESPACE
                || bidi == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || bidi == Character.DIRECTIONALITY_SEGMENT_SEPARATOR
                || Character.getType(codePoint) == Character.SPACE_SEPARATOR;
    }

    /** Python's {@code str.strip()} with no argument. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Index of the first non-space character at or after {@code from}. */
    public static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
