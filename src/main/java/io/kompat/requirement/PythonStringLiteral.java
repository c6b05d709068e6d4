package io.kompat.requirement;

/**
 * Decodes the body of a quoted marker string the way Python's {@code ast.literal_eval} decodes a plain
 * (non-raw) string literal, so that escapes mean what they mean to pip.
 */
final class PythonStringLiteral {
    private PythonStringLiteral() {
    }

    static String unescape(String src, int start, int end) {
        if (src.indexOf('\\', start) < 0 || src.indexOf('\\', start) >= end) {
            return src.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            char c = src.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw new InvalidRequirementException(src, i, "unterminated string (a backslash escapes the closing quote)");
            }
            i = escape(src, i, end, out);
        }
        return out.toString();
    }

    /** Decodes the escape at {@code src[i]} (a backslash) and returns the index after it. */
    private static int escape(String src, int i, int end, StringBuilder out) {
        char e = src.charAt(i + 1);
        switch (e) {
            case '\n': return i + 2;
            case '\\': out.append('\\'); return i + 2;
            case '\'': out.append('\''); return i + 2;
            case '"': out.append('"'); return i + 2;
            case 'a': out.append('\u0007'); return i + 2;
            case 'b': out.append('\b'); return i + 2;
            case 'f': out.append('\f'); return i + 2;
            case 'n': out.append('\n'); return i + 2;
            case 'r': out.append('\r'); return i + 2;
            case 't': out.append('\t'); return i + 2;
            case 'v': out.append('\u000b'); return i + 2;
            case 'x': return hex(src, i, end, 2, out);
            case 'u': return hex(src, i, end, 4, out);
            case 'U': return hex(src, i, end, 8, out);
            case 'N': return named(src, i, end, out);
            default:
                if (e >= '0' && e <= '7') {
                    int j = i + 1;
                    int value = 0;
                    while (j < end && j < i + 4 && src.charAt(j) >= '0' && src.charAt(j) <= '7') {
                        value = value * 8 + (src.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) value);
                    return j;
                }
                // Python keeps unknown escapes verbatim.
                out.append('\\').append(e);
                return i + 2;
        }
    }

    private static int hex(String src, int i, int end, int digits, StringBuilder out) {
        int from = i + 2;
        if (from + digits > end) {
            throw new InvalidRequirementException(src, i, "truncated \\" + src.charAt(i + 1) + " escape");
        }
        for (int k = from; k < from + digits; k++) {
            if (Character.digit(src.charAt(k), 16) < 0 || src.charAt(k) > 0x7f) {
                throw new InvalidRequirementException(src, i, "truncated \\" + src.charAt(i + 1) + " escape");
            }
        }
        try {
            int cp = Integer.parseUnsignedInt(src.substring(from, from + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new InvalidRequirementException(src, i, "illegal Unicode character in escape");
            }
            out.appendCodePoint(cp);
        } catch (NumberFormatException ex) {
            throw new InvalidRequirementException(src, i, "truncated \\" + src.charAt(i + 1) + " escape");
        }
        return from + digits;
    }

    private static int named(String src, int i, int end, StringBuilder out) {
        int close = src.indexOf('}', i);
        if (i + 2 >= end || src.charAt(i + 2) != '{' || close < 0 || close >= end) {
            throw new InvalidRequirementException(src, i, "malformed \\N character escape");
        }
        try {
            out.appendCodePoint(Character.codePointOf(src.substring(i + 3, close)));
        } catch (IllegalArgumentException ex) {
            throw new InvalidRequirementException(src, i, "unknown Unicode character name");
        }
        return close + 1;
    }
}
