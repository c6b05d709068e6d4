package io.kompat.check;

import io.kompat.predict.Prediction;
import java.util.List;

/** A prediction and its evaluation: what pip does, what breaks, and the verdict that follows. */
record Outcome(Prediction prediction, List<Break> breaks) {
    Outcome {
        breaks = List.copyOf(breaks);
    }

    Verdict verdict() {
        if (prediction instanceof Prediction.Fails) {
            return Verdict.DOES_NOT_INSTALL;
        }
        return breaks.isEmpty() ? Verdict.WORKS : Verdict.BREAKS;
    }
}
