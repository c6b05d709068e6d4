package io.kompat.index;

/** A package source that could not be read; the message names the source. */
public class IndexException extends Exception {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }
}
