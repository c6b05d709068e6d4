package io.kompat.manifest;

import io.kompat.requirement.Credentials;
import io.kompat.version.Excerpt;

/**
 * A problem found while reading an input file, tied to its location. {@code sourceLine} is the
 * physical line it refers to (may be null), {@code hint} a suggested correction (may be null).
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String sourceLine, String hint) {

    public static Diagnostic error(SourceLocation at, String message, String sourceLine, String hint) {
        return new Diagnostic(Severity.ERROR, at, message, sourceLine, hint);
    }

    public static Diagnostic warning(SourceLocation at, String message, String sourceLine) {
        return new Diagnostic(Severity.WARNING, at, message, sourceLine, null);
    }

    /** {@code file:line:column: error: message}, one line. */
    public String oneLine() {
        return bounded(Credentials.redact(location + ": " + severity.label() + ": " + message + (hint == null ? "" : " (" + hint + ")")));
    }

    /** The most characters one message line shows; longer ones keep their start and end (redacted before cutting). */
    static final int MAX_LINE = 600;

    private static String bounded(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int tail = MAX_LINE / 4;
        return line.substring(0, MAX_LINE - tail) + " … (" + (line.length() - MAX_LINE) + " characters left out) … "
                + line.substring(line.length() - tail);
    }

    /** The one-line form, then the source line with a caret under the column. */
    public String render() {
        StringBuilder sb = new StringBuilder(oneLine());
        if (sourceLine != null && !sourceLine.isEmpty()) {
            // A long line is shown as a window around the column, so the caret still points at the problem.
            String redacted = Credentials.redact(sourceLine);
            int caret = location.column() > 0
                    ? Credentials.redact(sourceLine.substring(0, Math.min(sourceLine.length(), location.column() - 1))).length() : 0;
            Excerpt.Window shown = Excerpt.window(redacted, caret);
            sb.append(System.lineSeparator()).append("    ").append(shown.text());
            if (location.column() > 0) {
                sb.append(System.lineSeparator()).append("    ").append(" ".repeat(shown.index())).append('^');
            }
        }
        return sb.toString();
    }
}
