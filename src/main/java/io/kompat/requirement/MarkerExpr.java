package io.kompat.requirement;

import java.util.List;

/** The syntax tree of a PEP 508 environment marker. */
sealed interface MarkerExpr permits MarkerExpr.Compare, MarkerExpr.Chain {

    /** A marker variable or a quoted string. */
    sealed interface Operand permits Variable, Value {
        String serialize();
    }

    /** An environment variable such as {@code python_version} (spelled in its canonical form). */
    record Variable(String name) implements Operand {
        @Override
        public String serialize() {
            return name;
        }
    }

    /** A quoted string, unescaped. */
    record Value(String text) implements Operand {
        @Override
        public String serialize() {
            return "\"" + text + "\"";
        }
    }

    /** {@code lhs op rhs}; {@code op} is one of the comparison operators, {@code in} or {@code not in}. */
    record Compare(Operand lhs, String op, Operand rhs) implements MarkerExpr {
    }

    /**
     * {@code item (and|or) item ...}; {@code and} binds tighter than {@code or}. A chain nested in
     * another one was written in parentheses.
     */
    record Chain(List<MarkerExpr> items, List<String> ops) implements MarkerExpr {
        public Chain {
            items = List.copyOf(items);
            ops = List.copyOf(ops);
        }
    }
}
