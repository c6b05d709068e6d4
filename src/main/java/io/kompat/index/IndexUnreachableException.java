package io.kompat.index;

/** An index that was needed could not be reached and had no usable cached copy (exit code 3). */
public final class IndexUnreachableException extends IndexException {
    private static final long serialVersionUID = 1L;

    public IndexUnreachableException(String message) {
        super(message);
    }
}
