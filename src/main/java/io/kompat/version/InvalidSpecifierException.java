package io.kompat.version;

/** A string that is not a valid PEP 440 version specifier; {@link #position()} is zero-based. */
public final class InvalidSpecifierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    public InvalidSpecifierException(String input, int position, String reason) {
        super("invalid specifier '" + input + "' at column " + (position + 1) + ": " + reason);
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    /** What was wrong, without the input and position. */
    public String reason() {
        return reason;
    }

    public String input() {
        return input;
    }

    public int position() {
        return position;
    }
}
