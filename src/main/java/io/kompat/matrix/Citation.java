package io.kompat.matrix;

import java.util.List;

/**
 * Where a matrix fact comes from: its public sources, the matrix file and line it is written on, an
 * optional note, and whether it was verified against its sources.
 */
public record Citation(String id, List<String> sources, String file, int line, String note, boolean verified) {

    public Citation {
        sources = List.copyOf(sources);
    }

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** The first source, for one-line citations. */
    public String primarySource() {
        return sources.isEmpty() ? "" : sources.get(0);
    }
}
