package io.kompat.manifest;

import io.kompat.requirement.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites requirement lines of an input file in place, touching nothing else: comments, order, blank
 * lines and each line's own line ending stay byte for byte. Produces the new text and a unified diff.
 */
public final class ManifestEditor {
    private final Path file;
    private final byte[] originalBytes;
    private final String original;
    private final List<String> lines = new ArrayList<>();
    private final List<String> endings = new ArrayList<>();
    private final Map<Integer, String> edits = new TreeMap<>();
    private final List<String> appended = new ArrayList<>();
    private final Map<Integer, List<String>> inserted = new TreeMap<>();

    private ManifestEditor(Path file, byte[] originalBytes) {
        this.file = file;
        this.originalBytes = originalBytes.clone();
        this.original = new String(originalBytes, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(original.substring(start, end));
                endings.add(original.substring(end, i + 1));
                start = i + 1;
            }
        }
        if (start < original.length()) {
            lines.add(original.substring(start));
            endings.add("");
        }
    }

    /** Opens {@code file} for editing (UTF-8, BOM kept as part of the first line). */
    public static ManifestEditor open(Path file) throws IOException {
        return new ManifestEditor(file, Files.readAllBytes(file));
    }

    /** The file's bytes as read, to tell whether it changed before the edited text replaces it. */
    public byte[] originalBytes() {
        return originalBytes.clone();
    }

    /**
     * Replaces {@code oldText} with {@code newText} on 1-based {@code line}, at or after {@code column}.
     *
     * @throws IllegalArgumentException when the text is not on that line (it spans a continuation, say)
     */
    public void replace(int line, int column, String oldText, String newText) {
        String current = edits.getOrDefault(line, line >= 1 && line <= lines.size() ? lines.get(line - 1) : null);
        if (current == null) {
            throw new IllegalArgumentException(file + ":" + line + ": no such line");
        }
        int at = current.indexOf(oldText, Math.max(0, column - 1));
        if (at < 0) {
            at = current.indexOf(oldText);
        }
        if (at < 0) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + oldText + "' is not on this line (continued lines are not edited)");
        }
        edits.put(line, current.substring(0, at) + newText + current.substring(at + oldText.length()));
    }

    /** Turns 1-based {@code line} into a comment (a YAML list item keeps its dash and indent). */
    public void commentOut(int line, String reason) {
        String current = edits.getOrDefault(line, line >= 1 && line <= lines.size() ? lines.get(line - 1) : null);
        if (current == null) {
            throw new IllegalArgumentException(file + ":" + line + ": no such line");
        }
        int indent = 0;
        while (indent < current.length() && Character.isWhitespace(current.charAt(indent))) {
            indent++;
        }
        edits.put(line, current.substring(0, indent) + "# " + reason + current.substring(indent));
    }

    /** Adds {@code text} as a new line after 1-based {@code line}, with the file's own line ending. */
    public void insertAfter(int line, String text) {
        if (line < 1 || line > lines.size()) {
            throw new IllegalArgumentException(file + ":" + line + ": no such line");
        }
        inserted.computeIfAbsent(line, k -> new ArrayList<>()).add(text);
    }

    /** 1-based {@code line} as it stands after the edits so far, or null. */
    public String line(int line) {
        return edits.getOrDefault(line, line >= 1 && line <= lines.size() ? lines.get(line - 1) : null);
    }

    /** Appends {@code text} as a new last line, with the file's own line ending. */
    public void append(String text) {
        appended.add(text);
    }

    /** The indentation of 1-based {@code line} (its leading whitespace), for lines added beside it. */
    public String indentOf(int line) {
        String current = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        int indent = 0;
        while (indent < current.length() && Character.isWhitespace(current.charAt(indent))) {
            indent++;
        }
        return current.substring(0, indent);
    }

    public boolean changed() {
        return !edits.isEmpty() || !appended.isEmpty() || !inserted.isEmpty();
    }

    private String lineEnding() {
        for (String e : endings) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "\n";
    }

    /** The edited content. */
    public String text() {
        StringBuilder sb = new StringBuilder(original.length() + 64);
        for (int i = 0; i < lines.size(); i++) {
            String ending = endings.get(i);
            List<String> after = inserted.getOrDefault(i + 1, List.of());
            if (i == lines.size() - 1 && ending.isEmpty() && (!appended.isEmpty() || !after.isEmpty())) {
                ending = lineEnding();
            }
            sb.append(edits.getOrDefault(i + 1, lines.get(i))).append(ending);
            for (int k = 0; k < after.size(); k++) {
                // A file that ended without a line break still does.
                boolean last = i == lines.size() - 1 && k == after.size() - 1 && endings.get(i).isEmpty() && appended.isEmpty();
                sb.append(after.get(k)).append(last ? "" : lineEnding());
            }
        }
        for (String a : appended) {
            sb.append(a).append(lineEnding());
        }
        return sb.toString();
    }

    /** A unified diff of the edits, three lines of context. */
    public String diff() {
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(file).append('\n').append("+++ ").append(file).append('\n');
        java.util.TreeSet<Integer> touched = new java.util.TreeSet<>(edits.keySet());
        touched.addAll(inserted.keySet());
        List<Integer> changedLines = new ArrayList<>(touched);
        int i = 0;
        while (i < changedLines.size()) {
            int from = Math.max(1, changedLines.get(i) - 3);
            int j = i;
            while (j + 1 < changedLines.size() && changedLines.get(j + 1) - changedLines.get(j) <= 6) {
                j++;
            }
            int to = Math.min(lines.size(), changedLines.get(j) + 3);
            int count = to - from + 1;
            int added = 0;
            for (int n = from; n <= to; n++) {
                added += inserted.getOrDefault(n, List.of()).size();
            }
            sb.append("@@ -").append(from).append(',').append(count).append(" +").append(from).append(',').append(count + added).append(" @@\n");
            for (int n = from; n <= to; n++) {
                String edited = edits.get(n);
                if (edited != null) {
                    sb.append('-').append(Credentials.redact(lines.get(n - 1))).append('\n').append('+').append(Credentials.redact(edited)).append('\n');
                } else {
                    sb.append(' ').append(Credentials.redact(lines.get(n - 1))).append('\n');
                }
                for (String a : inserted.getOrDefault(n, List.of())) {
                    sb.append('+').append(Credentials.redact(a)).append('\n');
                }
            }
            i = j + 1;
        }
        if (!appended.isEmpty()) {
            int from = Math.max(1, lines.size() - 2);
            int context = lines.size() - from + 1;
            sb.append("@@ -").append(from).append(',').append(context).append(" +").append(from).append(',')
                    .append(context + appended.size()).append(" @@\n");
            for (int n = from; n <= lines.size(); n++) {
                sb.append(' ').append(Credentials.redact(edits.getOrDefault(n, lines.get(n - 1)))).append('\n');
            }
            appended.forEach(a -> sb.append('+').append(Credentials.redact(a)).append('\n'));
        }
        return sb.toString();
    }
}
