package io.kompat.matrix;

import java.util.List;

/** A matrix folder that does not load: every problem as {@code file:line: problem}. */
public final class MatrixException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public MatrixException(List<String> problems) {
        super(problems.size() + " problem(s) in the compatibility matrix:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
