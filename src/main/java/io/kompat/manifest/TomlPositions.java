package io.kompat.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and value of a TOML document is written, so that values read by the TOML library can be
 * reported at their line and column. Paths are keys from the root; the elements of an array, and the tables
 * of an array of tables, are numbered from 0. A string value's position is the first character of its
 * content (after the quote). The scan is best effort: it stops at the first thing it does not understand,
 * and the TOML library reports real syntax errors.
 */
final class TomlPositions {
    /** A 1-based line and column, and for a one-line string value its content as written (else null). */
    record Pos(int line, int column, String raw) {
    }

    private final String text;
    private final int[] lineStarts;
    private final Map<List<String>, Pos> positions = new HashMap<>();
    private final Map<List<String>, Integer> tableArrays = new HashMap<>();
    private int i;

    private TomlPositions(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                starts.add(k + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static TomlPositions scan(InputText input) {
        TomlPositions p = new TomlPositions(String.join("\n", input.lines()));
        try {
            p.document();
        } catch (StopScan e) {
            // Positions found so far stay; the rest falls back to the nearest known parent.
        }
        return p;
    }

    /** The position of {@code path}, else of its nearest written parent, else line 1. */
    Pos at(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Pos p = positions.get(path.subList(0, n));
            if (p != null) {
                return n == path.size() ? p : new Pos(p.line(), p.column(), null);
            }
        }
        return new Pos(1, 1, null);
    }

    /** Whether {@code path} itself was found (not a parent). */
    boolean has(List<String> path) {
        return positions.containsKey(path);
    }

    private static final class StopScan extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopScan() {
            super(null, null, false, false);
        }
    }

    private void document() {
        List<String> table = List.of();
        while (true) {
            skipBlank(true);
            if (i >= text.length()) {
                return;
            }
            if (text.charAt(i) == '[') {
                table = header();
            } else {
                keyValue(table);
                skipBlank(false);
                if (i < text.length() && text.charAt(i) != '\n') {
                    throw new StopScan();
                }
            }
        }
    }

    private List<String> header() {
        int start = i;
        boolean array = text.startsWith("[[", i);
        i += array ? 2 : 1;
        List<String> path = new ArrayList<>(keys());
        if (!text.startsWith(array ? "]]" : "]", i)) {
            throw new StopScan();
        }
        i += array ? 2 : 1;
        for (int k = 1; k < path.size(); k++) {
            record(path.subList(0, k), start, null);
        }
        if (array) {
            int n = tableArrays.merge(List.copyOf(path), 1, Integer::sum) - 1;
            record(path, start, null);
            path.add(Integer.toString(n));
        }
        record(path, start, null);
        return List.copyOf(path);
    }

    private void keyValue(List<String> table) {
        int keyStart = i;
        List<String> path = new ArrayList<>(table);
        path.addAll(keys());
        if (i >= text.length() || text.charAt(i) != '=') {
            throw new StopScan();
        }
        i++;
        skipSpaces();
        record(path, keyStart, null);
        value(path);
    }

    private List<String> keys() {
        List<String> out = new ArrayList<>();
        while (true) {
            skipSpaces();
            out.add(key());
            skipSpaces();
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                continue;
            }
            return out;
        }
    }

    private String key() {
        if (i >= text.length()) {
            throw new StopScan();
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            return singleLineString(c);
        }
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
            i++;
        }
        if (start == i) {
            throw new StopScan();
        }
        return text.substring(start, i);
    }

    private void value(List<String> path) {
        if (i >= text.length()) {
            throw new StopScan();
        }
        char c = text.charAt(i);
        int start = i;
        if (text.startsWith("\"\"\"", i) || text.startsWith("'''", i)) {
            String delimiter = text.substring(i, i + 3);
            int end = text.indexOf(delimiter, i + 3);
            while (end >= 0 && delimiter.equals("\"\"\"") && escaped(end)) {
                end = text.indexOf(delimiter, end + 1);
            }
            if (end < 0) {
                throw new StopScan();
            }
            replace(path, start + 3, null);
            i = end + 3;
            while (i < text.length() && text.charAt(i) == delimiter.charAt(0)) {
                i++;
            }
        } else if (c == '"' || c == '\'') {
            String raw = rawString(c);
            replace(path, start + 1, raw);
        } else if (c == '[') {
            record(path, start, null);
            i++;
            int n = 0;
            while (true) {
                skipBlank(true);
                if (i >= text.length()) {
                    throw new StopScan();
                }
                if (text.charAt(i) == ']') {
                    i++;
                    return;
                }
                List<String> element = new ArrayList<>(path);
                element.add(Integer.toString(n++));
                value(element);
                skipBlank(true);
                if (i < text.length() && text.charAt(i) == ',') {
                    i++;
                }
            }
        } else if (c == '{') {
            record(path, start, null);
            i++;
            while (true) {
                skipSpaces();
                if (i >= text.length()) {
                    throw new StopScan();
                }
                if (text.charAt(i) == '}') {
                    i++;
                    return;
                }
                keyValue(path);
                skipSpaces();
                if (i < text.length() && text.charAt(i) == ',') {
                    i++;
                }
            }
        } else {
            replace(path, start, null);
            while (i < text.length() && ",]}#\n".indexOf(text.charAt(i)) < 0) {
                i++;
            }
        }
    }

    private boolean escaped(int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** A one-line string's content as written (escapes not decoded); the cursor moves past its closing quote. */
    private String rawString(char quote) {
        int start = ++i;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            if (quote == '"' && text.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        if (i >= text.length() || text.charAt(i) != quote) {
            throw new StopScan();
        }
        return text.substring(start, i++);
    }

    private String singleLineString(char quote) {
        String raw = rawString(quote);
        return quote == '"' ? raw.replace("\\\"", "\"").replace("\\\\", "\\") : raw;
    }

    private void skipSpaces() {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
    }

    /** Skips spaces and comments, and newlines too when {@code newlines}. */
    private void skipBlank(boolean newlines) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                return;
            }
        }
    }

    private void record(List<String> path, int offset, String raw) {
        positions.putIfAbsent(List.copyOf(path), pos(offset, raw));
    }

    /** A scalar value is located at the value, not at its key. */
    private void replace(List<String> path, int offset, String raw) {
        positions.put(List.copyOf(path), pos(offset, raw));
    }

    private Pos pos(int offset, String raw) {
        int line = lineOf(offset);
        return new Pos(line + 1, offset - lineStarts[line] + 1, raw);
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
