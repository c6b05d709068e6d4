package io.kompat.manifest;

import io.kompat.requirement.Credentials;

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
        return Credentials.redact(location + ": " + severity.label() + ": " + message + (hint == null ? "" : " (" + hint + ")"));
    }

    /** The one-line form, then the source line with a caret under the column. */
    public String render() {
        StringBuilder sb = new StringBuilder(oneLine());
        if (sourceLine != null && !sourceLine.isEmpty() && sourceLine.length() <= 300) {
            sb.append(System.lineSeparator()).append("    ").append(Credentials.redact(sourceLine));
            if (location.column() > 0) {
                int shown = Credentials.redact(sourceLine.substring(0, Math.min(sourceLine.length(), location.column() - 1))).length();
                sb.append(System.lineSeparator()).append("    ").append(" ".repeat(shown)).append('^');
            }
        }
        return sb.toString();
    }
}
