package io.kompat.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an error may quote of an input. Two rules keep secrets out of messages that are printed, uploaded as
 * SARIF or kept in CI logs: a {@code ${VAR}} is quoted as written, never as its value; and a file outside the
 * input's folder tree (an include such as {@code -r ~/.netrc}, or a link that points out of the tree) is named
 * with a position only, never quoted, since it is not known to be a requirements file.
 */
final class QuotedText {
    /** Each value {@code ${VAR}} expansion produced, to the {@code ${VAR}} it came from. */
    private final Map<String, String> expanded = new LinkedHashMap<>();

    /** Notes that {@code ${name}} was expanded to {@code value}. */
    void expandedTo(String name, String value) {
        if (!value.isEmpty()) {
            expanded.putIfAbsent(value, "${" + name + "}");
        }
    }

    /** Rewrites {@code diagnostics[from..]} so that no expanded value appears in them. */
    void unexpand(List<Diagnostic> diagnostics, int from) {
        if (expanded.isEmpty()) {
            return;
        }
        for (int i = from; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            diagnostics.set(i, new Diagnostic(d.severity(), d.location(), unexpand(d.message()), d.sourceLine(), unexpand(d.hint())));
        }
    }

    private String unexpand(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // Longest first, so that a value inside another is not replaced within it.
        List<Map.Entry<String, String>> byLength = expanded.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length())).toList();
        for (Map.Entry<String, String> e : byLength) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The folder tree an input file belongs to: the work tree of the git repository holding it, else its own
     * folder (as named, links not followed).
     */
    static Path treeOf(Path input) {
        Path folder = input.toAbsolutePath().normalize().getParent();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return folder;
    }

    /** Whether {@code file}, links followed, lies outside {@code tree} (links followed too). */
    static boolean outside(Path tree, Path file) {
        try {
            return !file.toRealPath().startsWith(tree.toRealPath());
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /**
     * Whether {@code file}, links followed, is named like a requirements or constraints file: ending in
     * {@code .txt}, {@code .in} or {@code .pip}, or naming requirements or constraints ({@code .netrc},
     * {@code passwd} or {@code credentials} are not).
     */
    static boolean namedLikeRequirements(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | SecurityException e) {
            return false;
        }
        String n = real.getFileName() == null ? "" : real.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".in") || n.endsWith(".pip") || n.contains("requirements") || n.contains("constraints");
    }

    /** Rewrites the diagnostics of {@code file} in {@code diagnostics[from..]} to name the position only. */
    static void hideLinesOf(Path file, String why, List<Diagnostic> diagnostics, int from) {
        String name = file.toString();
        for (int i = from; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            if (d.location() != null && name.equals(d.location().file())) {
                diagnostics.set(i, new Diagnostic(d.severity(), d.location(), (d.severity() == Severity.ERROR ? "not a valid line" : "a line kompat ignores")
                        + " (not quoted: " + why + ")", null, null));
            }
        }
    }
}
