package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule every shown pin set keeps: resolved (verified) exactly when the prediction had nothing against it. */
final class PinSets {
    private PinSets() {
    }

    static void assertHonest(Diagnosis.PinSet pins) {
        assertThat(pins).isNotNull();
        if (pins.consistent()) {
            assertThat(pins.explanation()).as("a verified pin set carries no objection").isEmpty();
        } else {
            assertThat(pins.explanation()).as("an unverified pin set says why").isNotEmpty();
            assertThat(pins.explanation().get(0)).matches("verdict (works|breaks|does-not-install): .+");
        }
    }
}
