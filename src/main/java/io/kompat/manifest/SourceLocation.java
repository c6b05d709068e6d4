package io.kompat.manifest;

/** Where something came from: a file and a 1-based line and column (0 when unknown). */
public record SourceLocation(String file, int line, int column) {

    /** {@code file:line:column}, or fewer parts when they are unknown. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
