package io.kompat.predict;

import io.kompat.target.Target;
import java.util.List;

/**
 * What to predict: {@code pip install} of these requirements (in input order, constraints among them) for
 * a target.
 *
 * @param allowPrereleases pip's {@code --pre}
 */
public record PredictRequest(Target target, List<Wanted> wanted, boolean allowPrereleases) {
    public PredictRequest {
        wanted = List.copyOf(wanted);
    }

    public PredictRequest(Target target, List<Wanted> wanted) {
        this(target, wanted, false);
    }
}
