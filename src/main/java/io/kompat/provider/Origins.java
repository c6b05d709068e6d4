package io.kompat.provider;

import io.kompat.matrix.Citation;
import io.kompat.origin.Origin;

/** Matrix citations as the origins explanations cite. */
final class Origins {
    private Origins() {
    }

    static Origin of(Citation c) {
        return new Origin(Origin.Kind.MATRIX, c.id() == null ? c.location() : c.id(), c.location(), c.sources(), c.verified());
    }
}
