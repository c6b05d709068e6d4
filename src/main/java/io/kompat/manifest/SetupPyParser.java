package io.kompat.manifest;

import io.kompat.requirement.PackageName;
import io.kompat.version.SpecifierSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code setup.py}, read and never run: the keyword arguments of its {@code setup(...)} call whose values are
 * literals: {@code install_requires} (a list or tuple of strings), {@code python_requires} (a string, the Python
 * bound) and the selected extras of {@code extras_require} (a dict of such lists). A value computed when the
 * script runs (a variable, a call, a comprehension, {@code **kwargs}, an f-string) is reported as not checked,
 * at its place, never guessed at.
 */
final class SetupPyParser {
    private final DependencyEntries deps;
    private final InputSelection selection;
    private String display;
    private InputText text;

    SetupPyParser(DependencyEntries deps, InputSelection selection) {
        this.deps = deps;
        this.selection = selection;
    }

    static boolean named(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("setup.py");
    }

    /** A Python token: a name, a string (decoded, or null when it cannot be read as a literal), or punctuation. */
    private record Token(Kind kind, String text, String value, int line, int column, int valueColumn) {
    }

    private enum Kind { NAME, STRING, OP, OTHER }

    void parse(Path file, InputText input) {
        display = file.toString();
        text = input;
        deps.out().files.add(display);
        List<Token> tokens;
        try {
            tokens = tokens(input.lines());
        } catch (Problem p) {
            deps.out().add(Diagnostic.error(new SourceLocation(display, p.line, p.column), p.getMessage(), input.line(p.line), null));
            return;
        }
        int call = setupCall(tokens);
        if (call < 0) {
            deps.out().add(Diagnostic.warning(new SourceLocation(display, 1, 1),
                    "not checked: no setup(...) call found in " + display + " (kompat reads setup.py, never runs it)", null));
            return;
        }
        Map<String, List<Token>> keywords = new LinkedHashMap<>();
        List<Token> spread = new ArrayList<>();
        arguments(tokens, call + 1, keywords, spread);
        int before = deps.out().entries.size() + deps.out().diagnostics.size();
        List<Token> python = keywords.get("python_requires");
        if (python != null) {
            pythonBound(python);
        }
        List<Token> install = keywords.get("install_requires");
        if (install != null) {
            requirements("install_requires", install);
        }
        extras(keywords.get("extras_require"));
        for (Token t : spread) {
            notChecked(t, "arguments passed with ** are computed when setup.py runs");
        }
        for (String wanted : selection.groups()) {
            deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--group " + wanted + ": " + display
                    + " has no dependency groups (they live in pyproject.toml)", null, null));
        }
        if (deps.out().entries.size() + deps.out().diagnostics.size() == before) {
            deps.out().add(Diagnostic.warning(location(tokens.get(call)), "no install_requires found in the setup(...) call", text.line(tokens.get(call).line())));
        }
    }

    private void pythonBound(List<Token> value) {
        if (value.size() != 1 || value.get(0).kind() != Kind.STRING || value.get(0).value() == null) {
            notChecked(value.get(0), "python_requires is computed when setup.py runs");
            return;
        }
        Token t = value.get(0);
        try {
            SpecifierSet bound = SpecifierSet.parse(t.value());
            String had = deps.out().pythonBound;
            deps.out().pythonBound = had == null ? bound.toString() : SpecifierSet.parse(had).and(bound).toString();
        } catch (IllegalArgumentException e) {
            deps.out().add(Diagnostic.error(new SourceLocation(display, t.line(), t.valueColumn()), "invalid python_requires '" + t.value()
                    + "': " + e.getMessage(), text.line(t.line()), null));
        }
    }

    /** A list or tuple of string literals, each a requirement; anything else is reported as not checked. */
    private void requirements(String what, List<Token> value) {
        List<Token> strings = literalList(value);
        if (strings == null) {
            Token first = value.get(0);
            notChecked(first, what + " is computed when setup.py runs (" + (value.size() == 1 && first.kind() == Kind.NAME
                    ? "the variable " + first.text() : "not a list of string literals") + ")");
            return;
        }
        for (Token s : strings) {
            SourceLocation at = new SourceLocation(display, s.line(), s.valueColumn());
            if (deps.out().full()) {
                deps.out().tooMany(at, text.line(s.line()));
                return;
            }
            deps.requirement(s.value(), at, text.line(s.line()));
        }
    }

    /** {@code extras_require}: a dict literal of extra names to lists; the selected extras are read. */
    private void extras(List<Token> value) {
        if (value == null) {
            for (String wanted : selection.extras()) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--extra " + wanted + ": " + display
                        + " has no extras_require", null, null));
            }
            return;
        }
        Map<String, List<Token>> extras = literalDict(value);
        if (extras == null) {
            notChecked(value.get(0), "extras_require is computed when setup.py runs");
            return;
        }
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, List<Token>> e : extras.entrySet()) {
            if (selection.wantsExtra(e.getKey())) {
                requirements("extras_require['" + e.getKey() + "']", e.getValue());
            } else {
                skipped.add(e.getKey());
            }
        }
        if (!skipped.isEmpty()) {
            deps.out().add(new Diagnostic(Severity.INFO, location(value.get(0)), "not read (not selected): extra"
                    + (skipped.size() == 1 ? " " : "s ") + String.join(", ", skipped) + "; select with --extra NAME", null, null));
        }
        for (String wanted : selection.extras()) {
            if (extras.keySet().stream().noneMatch(k -> PackageName.normalize(k).equals(PackageName.normalize(wanted)))) {
                deps.out().add(Diagnostic.error(new SourceLocation(display, 1, 1), "--extra " + wanted + ": " + display
                        + " has no extra named so" + (extras.isEmpty() ? "" : " (it has: " + String.join(", ", extras.keySet()) + ")"), null, null));
            }
        }
    }

    private void notChecked(Token at, String reason) {
        deps.out().add(Diagnostic.warning(location(at), "not checked: " + reason + "; kompat reads setup.py, never runs it", text.line(at.line())));
    }

    private SourceLocation location(Token t) {
        return new SourceLocation(display, t.line(), t.column());
    }

    /** The strings of {@code [ "a", "b", ]} or {@code ( "a", )}, or null when the value is anything else. */
    private static List<Token> literalList(List<Token> value) {
        if (value.size() < 2) {
            return null;
        }
        String open = value.get(0).text();
        String close = value.get(value.size() - 1).text();
        if (!(open.equals("[") && close.equals("]")) && !(open.equals("(") && close.equals(")"))) {
            return null;
        }
        List<Token> out = new ArrayList<>();
        boolean wantString = true;
        for (int i = 1; i < value.size() - 1; i++) {
            Token t = value.get(i);
            if (wantString && t.kind() == Kind.STRING && t.value() != null) {
                out.add(t);
                wantString = false;
            } else if (!wantString && t.text().equals(",")) {
                wantString = true;
            } else {
                return null;
            }
        }
        // "(x)" is a parenthesised string, not a tuple.
        return open.equals("(") && out.size() == 1 && !value.get(value.size() - 2).text().equals(",") ? null : out;
    }

    /** {@code {"name": [...], ...}} with string keys and literal lists, or null. */
    private static Map<String, List<Token>> literalDict(List<Token> value) {
        if (value.size() < 2 || !value.get(0).text().equals("{") || !value.get(value.size() - 1).text().equals("}")) {
            return null;
        }
        Map<String, List<Token>> out = new LinkedHashMap<>();
        int i = 1;
        int end = value.size() - 1;
        while (i < end) {
            Token key = value.get(i);
            if (key.kind() != Kind.STRING || key.value() == null || i + 1 >= end || !value.get(i + 1).text().equals(":")) {
                return null;
            }
            int j = i + 2;
            int depth = 0;
            int start = j;
            while (j < end && !(depth == 0 && value.get(j).text().equals(","))) {
                depth += depth(value.get(j));
                j++;
            }
            List<Token> list = value.subList(start, j);
            if (literalList(list) == null) {
                return null;
            }
            out.put(key.value(), list);
            i = j + 1;
        }
        return out;
    }

    private static int depth(Token t) {
        if (t.kind() != Kind.OP) {
            return 0;
        }
        return switch (t.text()) {
            case "(", "[", "{" -> 1;
            case ")", "]", "}" -> -1;
            default -> 0;
        };
    }

    /** The index of the {@code (} of the first {@code setup(} call (also {@code setuptools.setup(}), or -1. */
    private static int setupCall(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NAME && t.text().equals("setup") && tokens.get(i + 1).text().equals("(")
                    && (i == 0 || !tokens.get(i - 1).text().equals("def"))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The call's keyword arguments (name to value tokens) and the {@code **} arguments, from just after its {@code (}. */
    private static void arguments(List<Token> tokens, int from, Map<String, List<Token>> keywords, List<Token> spread) {
        int i = from;
        while (i < tokens.size()) {
            int start = i;
            int depth = 0;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (depth == 0 && (t.text().equals(",") || t.text().equals(")")) && t.kind() == Kind.OP) {
                    break;
                }
                depth += depth(t);
                i++;
            }
            List<Token> argument = tokens.subList(start, i);
            if (argument.size() >= 3 && argument.get(0).kind() == Kind.NAME && argument.get(1).text().equals("=")) {
                keywords.put(argument.get(0).text(), argument.subList(2, argument.size()));
            } else if (!argument.isEmpty() && argument.get(0).text().equals("**")) {
                spread.add(argument.get(0));
            }
            if (i >= tokens.size() || tokens.get(i).text().equals(")")) {
                return;
            }
            i++;
        }
    }

    /** A located problem in the Python text. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Problem(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>"};

    /** Python's tokens, enough to find the call and its literals: names, strings, operators; comments skipped. */
    private static List<Token> tokens(List<String> lines) throws Problem {
        List<Token> out = new ArrayList<>();
        int l = 0;
        int c = 0;
        while (l < lines.size()) {
            String line = lines.get(l);
            if (c >= line.length()) {
                l++;
                c = 0;
                continue;
            }
            char ch = line.charAt(c);
            if (Character.isWhitespace(ch) || ch == '\\') {
                c++;
            } else if (ch == '#') {
                c = line.length();
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = c;
                while (c < line.length() && (Character.isLetterOrDigit(line.charAt(c)) || line.charAt(c) == '_')) {
                    c++;
                }
                String word = line.substring(start, c);
                if (c < line.length() && (line.charAt(c) == '\'' || line.charAt(c) == '"') && word.length() <= 2
                        && word.toLowerCase(java.util.Locale.ROOT).matches("[rbuf]|[rb][rb]|[rf][rf]")) {
                    int[] end = new int[2];
                    out.add(string(lines, l, start, c, word.toLowerCase(java.util.Locale.ROOT), end));
                    l = end[0];
                    c = end[1];
                } else {
                    out.add(new Token(Kind.NAME, word, null, l + 1, start + 1, start + 1));
                }
            } else if (ch == '\'' || ch == '"') {
                int[] end = new int[2];
                out.add(string(lines, l, c, c, "", end));
                l = end[0];
                c = end[1];
            } else if (Character.isDigit(ch)) {
                int start = c;
                while (c < line.length() && (Character.isLetterOrDigit(line.charAt(c)) || line.charAt(c) == '.' || line.charAt(c) == '_')) {
                    c++;
                }
                out.add(new Token(Kind.OTHER, line.substring(start, c), null, l + 1, start + 1, start + 1));
            } else {
                String op = String.valueOf(ch);
                for (String o : OPERATORS) {
                    if (line.startsWith(o, c)) {
                        op = o;
                        break;
                    }
                }
                out.add(new Token(Kind.OP, op, null, l + 1, c + 1, c + 1));
                c += op.length();
            }
        }
        return out;
    }

    /**
     * A string literal starting at {@code prefixStart} (its quote at {@code quoteAt}) on line index {@code l}; its
     * value is null when it cannot be read as a constant (an f-string, bytes, or an escape other than a quote or
     * backslash). {@code end} receives the line index and column after it.
     */
    private static Token string(List<String> lines, int l, int prefixStart, int quoteAt, String prefix, int[] end) throws Problem {
        String line = lines.get(l);
        char q = line.charAt(quoteAt);
        boolean triple = line.startsWith(String.valueOf(q).repeat(3), quoteAt);
        String delimiter = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        boolean raw = prefix.contains("r");
        boolean constant = !prefix.contains("f") && !prefix.contains("b");
        StringBuilder value = new StringBuilder();
        int cl = l;
        int c = quoteAt + delimiter.length();
        while (true) {
            String cur = lines.get(cl);
            if (c >= cur.length()) {
                if (!triple) {
                    throw new Problem(l + 1, quoteAt + 1, "unterminated string literal");
                }
                if (cl + 1 >= lines.size()) {
                    throw new Problem(l + 1, quoteAt + 1, "unterminated triple-quoted string literal");
                }
                value.append('\n');
                cl++;
                c = 0;
                continue;
            }
            if (cur.startsWith(delimiter, c)) {
                end[0] = cl;
                end[1] = c + delimiter.length();
                break;
            }
            char ch = cur.charAt(c);
            if (ch == '\\') {
                if (c + 1 >= cur.length()) {
                    // A backslash at the end of a line continues the string (or keeps the break, in a raw triple string).
                    constant = false;
                    c++;
                    continue;
                }
                char next = cur.charAt(c + 1);
                if (raw) {
                    value.append(ch).append(next);
                } else if (next == '\\' || next == '\'' || next == '"') {
                    value.append(next);
                } else {
                    constant = false;
                }
                c += 2;
                continue;
            }
            value.append(ch);
            c++;
        }
        // Multi-line strings are not requirements kompat can locate or edit; they are read as not constant.
        return new Token(Kind.STRING, lines.get(l).substring(prefixStart, Math.min(lines.get(l).length(), quoteAt + 1)),
                constant && end[0] == l ? value.toString() : null, l + 1, prefixStart + 1, quoteAt + delimiter.length() + 1);
    }
}
