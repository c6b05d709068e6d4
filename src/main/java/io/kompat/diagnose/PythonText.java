package io.kompat.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python source read as text, never run: its lines with string literals and comments blanked (so
 * {@code model.save('image.h5')} is no use of {@code image.h5}, and a help text naming tf.contrib no use of it),
 * and which lines sit under a guard that chooses between releases: a {@code try:} whose handler catches a failed
 * import or attribute ({@code except ImportError:}, not a bare or broad except), with that handler's own body, and an
 * {@code if}/{@code elif}/{@code else} chain whose condition reads a version ({@code if tf.__version__[0] == '2':},
 * {@code LooseVersion(...)}) or probes the API ({@code hasattr(tf, ...)}).
 */
final class PythonText {
    /** A handler for a failed import or a missing attribute (a bare or broad except guards anything, not a release choice). */
    private static final Pattern CATCHES_IMPORT = Pattern.compile("^except\\b.*\\b(?:ImportError|ModuleNotFoundError|AttributeError)\\b");
    /** A condition that reads a version or probes the API: tf.__version__, LooseVersion(...), hasattr(tf, ...), is_tf2. */
    private static final Pattern VERSION_CONDITION = Pattern.compile("(?i)(?<![a-z])version(?![a-z])|looseversion|"
            + "hasattr\\s*\\(\\s*(?:tf|tensorflow|keras|k|np|numpy)\\s*[,.]|\\bis_?tf_?[12]\\b|\\btf_?[12]\\b|executing_eagerly");

    private PythonText() {
    }

    /** The lines of {@code text} with the contents of string literals and comments replaced by spaces; as many lines. */
    static List<String> codeOnly(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = text.length();
        char quote = 0;
        boolean triple = false;
        boolean comment = false;
        boolean continued = false; // a backslash ended the line inside a one-line string, which goes on
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(line.toString());
                line.setLength(0);
                comment = false;
                if (quote != 0 && !triple && !continued) {
                    quote = 0; // an unterminated one-line string ends with its line
                }
                continued = false;
                continue;
            }
            if (comment) {
                line.append(' ');
            } else if (quote != 0) {
                if (c == '\\' && i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                    line.append("  ");
                    i++;
                } else if (c == '\\') {
                    line.append(' ');
                    continued = true;
                } else if (c == quote && (!triple || i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote)) {
                    line.append(triple ? "" + c + c + c : String.valueOf(c));
                    i += triple ? 2 : 0;
                    quote = 0;
                } else {
                    line.append(' ');
                }
            } else if (c == '#') {
                comment = true;
                line.append(' ');
            } else if (c == '\'' || c == '"') {
                quote = c;
                triple = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                line.append(triple ? "" + c + c + c : String.valueOf(c));
                i += triple ? 2 : 0;
            } else {
                line.append(c);
            }
        }
        if (line.length() > 0 || text.isEmpty() || !(text.endsWith("\n") || text.endsWith("\r"))) {
            out.add(line.toString());
        }
        return out;
    }

    /** For each line of {@code code} (string contents and comments blanked), whether a release-choosing guard encloses it. */
    static boolean[] guarded(List<String> code) {
        boolean[] out = new boolean[code.size()];
        for (int i = 0; i < code.size(); i++) {
            String stripped = code.get(i).strip();
            int indent = indent(code.get(i));
            if (stripped.equals("try:") || stripped.startsWith("try:")) {
                int end = blockEnd(code, i, indent);
                List<int[]> handlers = new ArrayList<>();
                boolean catches = false;
                int k = end;
                while (k < code.size() && indent(code.get(k)) == indent && isClause(code.get(k).strip(), "except", "else", "finally")) {
                    int handlerEnd = blockEnd(code, k, indent);
                    if (CATCHES_IMPORT.matcher(code.get(k).strip()).find()) {
                        catches = true;
                        handlers.add(new int[] {k, handlerEnd});
                    }
                    k = handlerEnd;
                }
                if (catches) {
                    // One-line forms count too: "try: import x" and "except ImportError: x = None".
                    mark(out, stripped.length() > "try:".length() ? i : i + 1, end);
                    handlers.forEach(h -> mark(out, h[0], h[1]));
                }
            } else if ((stripped.startsWith("if ") || stripped.startsWith("if(")) && VERSION_CONDITION.matcher(stripped).find()) {
                int end = blockEnd(code, i, indent);
                mark(out, i, end);
                int k = end;
                while (k < code.size() && indent(code.get(k)) == indent && isClause(code.get(k).strip(), "elif", "else")) {
                    int clauseEnd = blockEnd(code, k, indent);
                    mark(out, k, clauseEnd);
                    k = clauseEnd;
                }
            }
        }
        return out;
    }

    private static boolean isClause(String stripped, String... keywords) {
        for (String k : keywords) {
            if (stripped.startsWith(k) && (stripped.length() == k.length() || !Character.isLetterOrDigit(stripped.charAt(k.length()))
                    && stripped.charAt(k.length()) != '_')) {
                return true;
            }
        }
        return false;
    }

    /** The line after the block the statement at {@code start} opens: the first later non-blank line indented no deeper. */
    private static int blockEnd(List<String> code, int start, int indent) {
        int j = start + 1;
        while (j < code.size() && (code.get(j).isBlank() || indent(code.get(j)) > indent)) {
            j++;
        }
        return j;
    }

    private static void mark(boolean[] out, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(out.length, to); i++) {
            out[i] = true;
        }
    }

    private static int indent(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
            } else {
                break;
            }
        }
        return width;
    }
}
