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

    /**
     * The lines of {@code text} with the contents of string literals and comments replaced by spaces; as many lines.
     * The replacement fields of an f-string ({@code f"{K.get_session()}"}) are code and stay, the text around them
     * does not ({@code {{}} and {@code }}}} are text).
     */
    static List<String> codeOnly(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = text.length();
        char quote = 0;
        boolean triple = false;
        boolean formatted = false; // the string open is an f-string
        int field = 0; // brackets open in the f-string's replacement field (0: in its text)
        char inner = 0; // a string open inside the replacement field
        boolean spec = false; // in the field's format spec (after its top-level ':'), which is text
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
                    field = 0;
                    inner = 0;
                    spec = false;
                }
                continued = false;
                continue;
            }
            if (comment) {
                line.append(' ');
            } else if (quote != 0 && field > 0 && spec) {
                // A format spec ({x:'>10}) is text up to the field's closing brace, a quote in it opens nothing.
                field += c == '{' ? 1 : c == '}' ? -1 : 0;
                spec = field > 0;
                line.append(' ');
            } else if (quote != 0 && field > 0) {
                // Code inside an f-string's replacement field; a string in it is blanked, its closing brace ends it.
                if (inner != 0) {
                    line.append(c == inner ? c : ' ');
                    inner = c == inner ? 0 : inner;
                } else if (c == '\'' || c == '"') {
                    inner = c;
                    line.append(c);
                } else if (c == ':' && field == 1) {
                    spec = true;
                    line.append(' ');
                } else {
                    field += c == '{' || c == '[' || c == '(' ? 1 : c == '}' || c == ']' || c == ')' ? -1 : 0;
                    line.append(field == 0 ? ' ' : c);
                }
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
                } else if (formatted && (c == '{' || c == '}') && i + 1 < n && text.charAt(i + 1) == c) {
                    line.append("  ");
                    i++;
                } else if (formatted && c == '{') {
                    field = 1;
                    line.append(' ');
                } else {
                    line.append(' ');
                }
            } else if (c == '#') {
                comment = true;
                line.append(' ');
            } else if (c == '\'' || c == '"') {
                quote = c;
                formatted = fPrefix(text, i);
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

    /** Whether the quote at {@code at} opens an f-string: its prefix ({@code f}, {@code rf}, {@code Fr} ...) has an f. */
    private static boolean fPrefix(String text, int at) {
        int start = at;
        while (start > 0 && at - start < 2 && "rRbBfFuU".indexOf(text.charAt(start - 1)) >= 0) {
            start--;
        }
        if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            return false; // the letters end a name (elif"...", x_f"..." is no prefix)
        }
        String prefix = text.substring(start, at);
        return prefix.indexOf('f') >= 0 || prefix.indexOf('F') >= 0;
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
