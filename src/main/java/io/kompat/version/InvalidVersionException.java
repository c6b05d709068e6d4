package io.kompat.version;

/**
 * A string that is not a valid PEP 440 version. {@link #position()} is the zero-based index in the
 * input at which parsing stopped.
 */
public final class InvalidVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    public InvalidVersionException(String input, int position, String reason) {
        super("invalid version '" + Excerpt.around(input, position) + "' at column " + (position + 1) + ": " + reason);
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    /** What was wrong, without the input and position. */
    public String reason() {
        return reason;
    }

    /** The rejected input, verbatim. */
    public String input() {
        return input;
    }

    /** Zero-based index of the first character that could not be accepted. */
    public int position() {
        return position;
    }
}
