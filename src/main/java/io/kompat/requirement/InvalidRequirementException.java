package io.kompat.requirement;

/**
 * A dependency specifier or marker that does not follow PEP 508. {@link #position()} is the zero-based
 * index where the problem starts; {@link #caretLine()} renders it under the input.
 */
public final class InvalidRequirementException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;
    private final String reason;

    public InvalidRequirementException(String input, int position, String reason) {
        super(reason + " at column " + (position + 1) + " of '" + input + "'");
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    public String input() {
        return input;
    }

    public int position() {
        return position;
    }

    /** What was wrong, without input and position. */
    public String reason() {
        return reason;
    }

    /** The input with a caret under the offending column, two lines. */
    public String caretLine() {
        return input + System.lineSeparator() + " ".repeat(Math.max(0, position)) + "^";
    }
}
