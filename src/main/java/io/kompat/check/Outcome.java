package io.kompat.check;

import io.kompat.predict.Prediction;
import java.util.List;

/** A prediction and its evaluation: what pip does, what breaks, and the verdict that follows. */
record Outcome(Prediction prediction, List<Break> breaks) {
    Outcome {
        breaks = List.copyOf(breaks);
    }

    /**
     * Does not install when pip's resolution fails, or when it picks a release that cannot be installed at all
     * although its metadata does not say so (a stub whose build raises: tensorflow-gpu 2.12); else works or breaks.
     */
    Verdict verdict() {
        if (prediction instanceof Prediction.Fails || breaks.stream().anyMatch(b -> b.kind() == Break.Kind.UNAVAILABLE)) {
            return Verdict.DOES_NOT_INSTALL;
        }
        return breaks.isEmpty() ? Verdict.WORKS : Verdict.BREAKS;
    }
}
