package io.kompat.version;

/** The comparison operators of PEP 440 version specifiers. */
public enum Operator {
    ARBITRARY("==="), COMPATIBLE("~="), EQUAL("=="), NOT_EQUAL("!="),
    LESS_EQUAL("<="), GREATER_EQUAL(">="), LESS("<"), GREATER(">");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator {@code text} starts with, longest match first, or {@code null}. */
    public static Operator prefixOf(String text, int from) {
        for (Operator op : values()) {
            if (text.startsWith(op.symbol, from)) {
                return op;
            }
        }
        return null;
    }
}
