package io.kompat.manifest;

import java.util.ArrayList;
import java.util.List;

/** POSIX shell word splitting as Python's {@code shlex.split} does it (quotes and backslashes, no comments). */
final class ShellWords {
    private ShellWords() {
    }

    /** Splits {@code s}; throws {@link IllegalArgumentException} on an unclosed quote or trailing backslash. */
    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("no closing quotation");
                }
                cur.append(s, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, cur);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new IllegalArgumentException("no escaped character");
                }
                cur.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    private static int doubleQuoted(String s, int from, StringBuilder cur) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && "\\\"$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                cur.append(s.charAt(i + 1));
                i += 2;
            } else {
                cur.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("no closing quotation");
    }
}
