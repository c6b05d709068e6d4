package io.kompat.requirement;

import io.kompat.version.InvalidVersionException;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers. Token rules match those of
 * the reference tokenizer (including its word-boundary rules), so the same strings are accepted.
 */
final class Pep508Parser {
    private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};
    private static final String[] VARIABLES = {
        "python_version", "python_full_version", "os.name", "os_name", "sys.platform", "sys_platform",
        "platform_release", "platform_system", "platform.version", "platform_version",
        "platform.machine", "platform_machine", "platform.python_implementation",
        "platform_python_implementation", "python_implementation", "implementation_name",
        "implementation_version", "extras", "extra", "dependency_groups",
    };
    /** Bound on parenthesis nesting so hostile input cannot exhaust the stack. */
    private static final int MAX_DEPTH = 100;

    private final String src;
    private int pos;
    private int depth;

    private Pep508Parser(String src) {
        this.src = src;
    }

    static Requirement parseRequirement(String text) {
        Pep508Parser p = new Pep508Parser(text);
        return p.requirement();
    }

    static MarkerExpr.Chain parseMarker(String text) {
        Pep508Parser p = new Pep508Parser(text);
        MarkerExpr.Chain chain = p.marker();
        p.expectEnd("end of marker expression");
        return Marker.normalizeTopLevelExtras(chain);
    }

    // requirement = WS? IDENTIFIER WS? extras WS? details END
    private Requirement requirement() {
        ws();
        int nameStart = pos;
        String name = identifier();
        if (name == null) {
            throw error("expected a package name at the start of the dependency specifier");
        }
        ws();
        List<String> extras = extras();
        ws();
        String url = null;
        SpecifierSet specifiers = SpecifierSet.any();
        MarkerExpr.Chain marker = null;
        if (peek('@')) {
            pos++;
            ws();
            int urlStart = pos;
            while (pos < src.length() && src.charAt(pos) != ' ' && src.charAt(pos) != '\t') {
                pos++;
            }
            if (pos == urlStart) {
                throw error("expected a URL after @");
            }
            url = src.substring(urlStart, pos);
            if (!atEnd()) {
                if (!ws()) {
                    throw error("expected whitespace after the URL");
                }
                if (!atEnd()) {
                    marker = requirementMarker("semicolon (after URL and whitespace)");
                }
            }
        } else {
            List<Specifier> clauses = specifier();
            specifiers = SpecifierSet.of(clauses);
            ws();
            if (!atEnd()) {
                marker = requirementMarker(clauses.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)");
            }
        }
        expectEnd("end of dependency specifier");
        return new Requirement(PackageName.parsed(name), nameStart, extras, specifiers, url,
                marker == null ? null : new Marker(marker));
    }

    private MarkerExpr.Chain requirementMarker(String expected) {
        if (!peek(';')) {
            throw error("expected " + expected + " or end");
        }
        pos++;
        MarkerExpr.Chain m = marker();
        ws();
        return Marker.normalizeTopLevelExtras(m);
    }

    private List<String> extras() {
        List<String> extras = new ArrayList<>();
        if (!peek('[')) {
            return extras;
        }
        int open = pos++;
        ws();
        String first = identifier();
        if (first != null) {
            extras.add(first);
            while (true) {
                ws();
                if (identifierStartsHere()) {
                    throw error("expected a comma between extra names");
                }
                if (!peek(',')) {
                    break;
                }
                pos++;
                ws();
                String next = identifier();
                if (next == null) {
                    throw error("expected an extra name after the comma");
                }
                extras.add(next);
            }
        }
        ws();
        if (!peek(']')) {
            throw new InvalidRequirementException(src, open, "expected a matching ] for [, after extras");
        }
        pos++;
        return extras;
    }

    private List<Specifier> specifier() {
        int open = -1;
        if (peek('(')) {
            open = pos++;
        }
        ws();
        List<Specifier> clauses = new ArrayList<>();
        while (true) {
            int start = pos;
            Specifier.Match m;
            try {
                m = Specifier.matchAt(src, pos);
            } catch (InvalidVersionException e) {
                // Only a version past kompat's size limits gets here; grammar mistakes give no match.
                throw new InvalidRequirementException(src, e.position(), e.reason());
            }
            if (m == null) {
                break;
            }
            clauses.add(m.specifier());
            pos = m.end();
            if (src.startsWith(".*", pos)) {
                throw new InvalidRequirementException(src, start, ".* suffix can only be used with == or != operators");
            }
            if (pos + 1 < src.length() && src.charAt(pos) == '+' && isLocalChar(src.charAt(pos + 1))) {
                throw new InvalidRequirementException(src, start, "a local version label can only be used with == or != operators");
            }
            ws();
            if (!peek(',')) {
                break;
            }
            pos++;
            ws();
        }
        ws();
        if (open >= 0) {
            if (!peek(')')) {
                throw new InvalidRequirementException(src, open, "expected a matching ) for (, after version specifier");
            }
            pos++;
        }
        return clauses;
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    // marker = atom (BOOLOP atom)*
    private MarkerExpr.Chain marker() {
        List<MarkerExpr> items = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        items.add(markerAtom());
        while (true) {
            String op = word("or") ? "or" : word("and") ? "and" : null;
            if (op == null) {
                return new MarkerExpr.Chain(items, ops);
            }
            pos += op.length();
            ops.add(op);
            items.add(markerAtom());
        }
    }

    private MarkerExpr markerAtom() {
        ws();
        MarkerExpr atom;
        if (peek('(')) {
            int open = pos++;
            if (++depth > MAX_DEPTH) {
                throw error("markers nested deeper than " + MAX_DEPTH + " parentheses");
            }
            ws();
            atom = marker();
            ws();
            if (!peek(')')) {
                throw new InvalidRequirementException(src, open, "expected a matching ) for (, after marker expression");
            }
            pos++;
            depth--;
        } else {
            atom = markerItem();
        }
        ws();
        return atom;
    }

    private MarkerExpr markerItem() {
        ws();
        MarkerExpr.Operand lhs = markerVar();
        ws();
        String op = markerOp();
        ws();
        MarkerExpr.Operand rhs = markerVar();
        ws();
        return new MarkerExpr.Compare(lhs, op, rhs);
    }

    private MarkerExpr.Operand markerVar() {
        for (String v : VARIABLES) {
            if (word(v)) {
                pos += v.length();
                String canonical = v.replace('.', '_');
                return new MarkerExpr.Variable(canonical.equals("python_implementation") ? "platform_python_implementation" : canonical);
            }
        }
        if (peek('\'') || peek('"')) {
            char quote = src.charAt(pos);
            int close = src.indexOf(quote, pos + 1);
            if (close >= 0) {
                int start = pos;
                pos = close + 1;
                return new MarkerExpr.Value(PythonStringLiteral.unescape(src, start + 1, close));
            }
        }
        throw error("expected a marker variable or quoted string");
    }

    private String markerOp() {
        if (word("in")) {
            pos += 2;
            return "in";
        }
        if (word("not")) {
            pos += 3;
            if (!ws()) {
                throw error("expected whitespace after 'not'");
            }
            if (!word("in")) {
                throw error("expected 'in' after 'not'");
            }
            pos += 2;
            return "not in";
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        throw error("expected a marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }

    /** IDENTIFIER: {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b}, the longest such run. */
    private String identifier() {
        if (!identifierStartsHere()) {
            return null;
        }
        int end = pos + 1;
        while (end < src.length() && isNameChar(src.charAt(end))) {
            end++;
        }
        while (end > pos + 1 && !boundaryAt(end)) {
            end--;
        }
        if (!boundaryAt(end)) {
            return null;
        }
        String id = src.substring(pos, end);
        pos = end;
        return id;
    }

    private boolean identifierStartsHere() {
        return pos < src.length() && isAsciiAlnum(src.charAt(pos)) && boundaryAt(pos);
    }

    private static boolean isNameChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Whether {@code \bword\b} matches at the current position. */
    private boolean word(String w) {
        return src.startsWith(w, pos) && boundaryAt(pos) && boundaryAt(pos + w.length());
    }

    private boolean boundaryAt(int i) {
        boolean before = i > 0 && isWordChar(src.charAt(i - 1));
        boolean after = i < src.length() && isWordChar(src.charAt(i));
        return before != after;
    }

    private static boolean isWordChar(char c) {
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** WS = {@code [ \t]+}; returns whether any was skipped. */
    private boolean ws() {
        int start = pos;
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > start;
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    /** END as the reference's {@code $}: the end, or a final newline. */
    private boolean atEnd() {
        return pos == src.length() || (pos == src.length() - 1 && src.charAt(pos) == '\n');
    }

    private void expectEnd(String what) {
        if (!atEnd()) {
            throw error("expected " + what);
        }
    }

    private InvalidRequirementException error(String reason) {
        return new InvalidRequirementException(src, pos, reason);
    }
}
