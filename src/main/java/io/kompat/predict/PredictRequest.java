package io.kompat.predict;

import io.kompat.target.Target;
import java.util.List;

/**
 * What to predict: {@code pip install} of these requirements (in input order, constraints among them) for
 * a target.
 *
 * @param allowPrereleases pip's {@code --pre}
 * @param legacyResolver resolve as pip did before 20.3 ({@link LegacyResolver}): first requirement wins, no backtracking
 */
public record PredictRequest(Target target, List<Wanted> wanted, boolean allowPrereleases, boolean legacyResolver) {
    /** The day pip 20.3 made the backtracking resolver the default (pip's changelog, https://pip.pypa.io/en/stable/news/#v20-3). */
    public static final java.time.LocalDate PIP_20_3 = java.time.LocalDate.of(2020, 11, 30);

    public PredictRequest {
        wanted = List.copyOf(wanted);
    }

    public PredictRequest(Target target, List<Wanted> wanted, boolean allowPrereleases) {
        this(target, wanted, allowPrereleases, false);
    }

    public PredictRequest(Target target, List<Wanted> wanted) {
        this(target, wanted, false);
    }
}
