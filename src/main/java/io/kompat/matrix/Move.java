package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Set;

/**
 * Names that left {@code namespace} after release line {@code last} of {@code pkg} and now live under
 * {@code movedTo} ({@code tf.placeholder} became {@code tf.compat.v1.placeholder} in TensorFlow 2.0), or were
 * removed ({@code movedTo} null; {@code replacement} says what to use instead: {@code tf.contrib}).
 */
public record Move(PackageName pkg, String namespace, Set<String> names, Version last, String movedTo, String replacement,
        Citation citation) {

    public Move {
        names = Set.copyOf(names);
    }

    /** Whether the names left the package altogether (no new home). */
    public boolean removed() {
        return movedTo == null;
    }

    /** Whether release {@code v} still has the names in {@code namespace}. */
    public boolean presentIn(Version v) {
        Version line = Version.fromParts(v.epoch(), java.util.List.of(v.releasePart(0), v.releasePart(1)), null, null, null, null);
        return line.compareTo(last) <= 0;
    }
}
