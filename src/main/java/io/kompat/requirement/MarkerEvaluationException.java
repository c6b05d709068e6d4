package io.kompat.requirement;

/** A marker that cannot be evaluated: an undefined comparison or a variable the environment lacks. */
public final class MarkerEvaluationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MarkerEvaluationException(String message) {
        super(message);
    }
}
