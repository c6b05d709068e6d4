package io.kompat.predict;

import io.kompat.requirement.PackageName;
import io.kompat.target.Target;
import java.util.List;
import java.util.Optional;

/** What {@code pip install} would do for a target: the install, or the failure. */
public sealed interface Prediction permits Prediction.Installs, Prediction.Fails {

    Target target();

    /** Facts the prediction had to assume (unknown projects, releases or metadata), one per package. */
    List<Assumption> assumptions();

    /** A fact taken for granted because nobody knows it. */
    record Assumption(PackageName name, String reason) {
    }

    /** pip installs {@code picks} (sorted by name). */
    record Installs(Target target, List<Pick> picks, List<Assumption> assumptions) implements Prediction {
        public Installs {
            picks = List.copyOf(picks);
            assumptions = List.copyOf(assumptions);
        }

        public Optional<Pick> pick(PackageName name) {
            return picks.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    /** pip fails. */
    record Fails(Target target, PipFailure failure, List<Assumption> assumptions) implements Prediction {
        public Fails {
            assumptions = List.copyOf(assumptions);
        }
    }
}
