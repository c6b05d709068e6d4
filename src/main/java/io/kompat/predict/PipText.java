package io.kompat.predict;

import io.kompat.requirement.Requirement;
import io.kompat.version.Specifier;
import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.TreeSet;

/** Requirements written as pip writes them in its messages (packaging 21.3's {@code str(Requirement)}). */
final class PipText {
    private PipText() {
    }

    static String requirement(Requirement r, Key key) {
        StringBuilder b = new StringBuilder(r.name().original());
        if (!r.extras().isEmpty()) {
            b.append('[').append(String.join(",", new TreeSet<>(r.extras()))).append(']');
        }
        b.append(specifiers(r.specifiers()));
        r.marker().ifPresent(m -> b.append("; ").append(m));
        return b.toString();
    }

    /** Clauses sorted by their text and joined by commas, as packaging 21.3 prints a specifier set. */
    static String specifiers(SpecifierSet set) {
        TreeSet<String> sorted = new TreeSet<>();
        for (Specifier s : set.specifiers()) {
            sorted.add(s.toString());
        }
        return String.join(",", sorted);
    }

    /** pip's {@code format_for_error}: the clauses of a requirement joined by ", " and a final " and ". */
    static String forError(String requirementText) {
        List<String> parts = List.of(requirementText.split(","));
        if (parts.size() == 1) {
            return parts.get(0).strip();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            b.append(i == 0 ? "" : i == parts.size() - 1 ? " and " : ", ").append(parts.get(i).strip());
        }
        return b.toString();
    }
}
