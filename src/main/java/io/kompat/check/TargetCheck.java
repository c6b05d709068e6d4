package io.kompat.check;

import io.kompat.manifest.ManifestEntry;
import io.kompat.predict.Prediction;
import io.kompat.target.Target;
import java.util.List;

/**
 * The check for one target: what pip would do, what breaks, the verdict, and the fixes.
 *
 * @param reason how the target was chosen
 * @param prediction what pip would install, or its failure
 * @param breaks runtime rules the install breaks
 * @param explanation when no release set can work at all, why (cited sentences); else empty
 * @param fixes verified fixes, best first (empty when it works)
 * @param skipped entries whose marker leaves them out on this target
 */
public record TargetCheck(Target target, String reason, Prediction prediction, List<Break> breaks, List<String> explanation,
        List<Fix> fixes, List<ManifestEntry> skipped) {

    public TargetCheck {
        breaks = List.copyOf(breaks);
        explanation = List.copyOf(explanation);
        fixes = List.copyOf(fixes);
        skipped = List.copyOf(skipped);
    }

    public Verdict verdict() {
        return new Outcome(prediction, breaks).verdict();
    }

    public List<Prediction.Assumption> assumptions() {
        return prediction.assumptions();
    }
}
