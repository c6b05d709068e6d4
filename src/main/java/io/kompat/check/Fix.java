package io.kompat.check;

import io.kompat.predict.Prediction;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Edits after which the predicted install works, with that install (every fix is predicted again and
 * evaluated; {@code assumptions} say what the proof had to take for granted).
 */
public record Fix(List<Edit> edits, Prediction.Installs install, List<Prediction.Assumption> assumptions) {
    public Fix {
        edits = List.copyOf(edits);
        assumptions = List.copyOf(assumptions);
    }

    /** Whether every package of the proof had release data. */
    public boolean verified() {
        return assumptions.isEmpty();
    }

    public String describe() {
        return edits.stream().map(Edit::describe).collect(Collectors.joining("; "));
    }

    /** How many edits change or remove what the user wrote (adding a bound or a line changes nothing written). */
    long changes() {
        return edits.stream().filter(e -> e instanceof Edit.Change || e instanceof Edit.Remove).count();
    }
}
