package io.kompat.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark universe resolves, and its answer is consistent with every dependency it declares. */
class SyntheticUniverseTest {

    @Test
    void resolvesConsistently() {
        SyntheticUniverse u = SyntheticUniverse.generate(1000, 50, 42);
        Resolution r = Solver.solveRoots(u, u.roots(25));
        assertThat(r).isInstanceOf(Resolution.Solved.class);
        Resolution.Solved s = (Resolution.Solved) r;
        s.versions().forEach((pkg, v) -> {
            for (Incompatibility inc : u.incompatibilitiesFor(pkg, v)) {
                Term dep = inc.terms().get(1);
                assertThat(s.versions()).containsKey(dep.pkg());
                assertThat(dep.set().contains(s.versions().get(dep.pkg()))).as("%s %s needs %s", pkg, v, dep).isTrue();
            }
        });
    }
}
