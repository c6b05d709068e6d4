package io.kompat.predict;

import java.util.List;

/**
 * What resolvelib knows about one identifier: the candidates that still fit (best first), the requirements
 * that asked for it with their parents, and candidates known not to work.
 */
record Criterion(List<Cand> candidates, List<Information> information, List<Cand> incompatibilities) {
    Criterion {
        candidates = List.copyOf(candidates);
        information = List.copyOf(information);
        incompatibilities = List.copyOf(incompatibilities);
    }
}
