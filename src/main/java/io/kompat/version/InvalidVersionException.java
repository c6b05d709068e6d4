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

    private final boolean overLimit;

    public InvalidVersionException(String input, int position, String reason) {
        this(input, position, reason, false);
    }

    InvalidVersionException(String input, int position, String reason, boolean overLimit) {
        super("invalid version '" + Excerpt.around(input, position) + "' at column " + (position + 1) + ": " + reason);
        this.input = input;
        this.position = position;
        this.reason = reason;
        this.overLimit = overLimit;
    }

    /** Whether the text passed one of kompat's size limits (rather than PEP 440's grammar). */
    public boolean overLimit() {
        return overLimit;
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
