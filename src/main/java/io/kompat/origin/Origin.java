package io.kompat.origin;

import java.util.List;

/**
 * Where an external fact of the solver comes from, in words an explanation can cite: a line of the
 * user's input, a matrix rule (with its source URLs and whether it was verified), or package-index
 * metadata.
 *
 * @param kind what sort of origin
 * @param label short citation, e.g. {@code requirements.txt:3} or the matrix rule id
 * @param location file:line of the fact, or null
 * @param sources public URLs backing the fact
 * @param verified false when the fact is marked unverified
 */
public record Origin(Kind kind, String label, String location, List<String> sources, boolean verified) {

    /** The sorts of origin. */
    public enum Kind { INPUT, MATRIX, INDEX, TARGET }

    public Origin {
        sources = List.copyOf(sources);
    }

    public static Origin input(String location) {
        return new Origin(Kind.INPUT, location, location, List.of(), true);
    }

    public static Origin target(String label) {
        return new Origin(Kind.TARGET, label, null, List.of(), true);
    }

    /** A parenthetical citation: {@code (matrix: id, url)}, {@code (requirements.txt:3)}. */
    public String cite() {
        switch (kind) {
            case MATRIX:
                return "(matrix: " + label + (sources.isEmpty() ? "" : ", " + sources.get(0)) + (verified ? "" : "; unverified") + ")";
            case INDEX:
                return "(index: " + label + ")";
            default:
                return "(" + label + ")";
        }
    }
}
