package io.kompat.resolve;

import io.kompat.origin.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The PubGrub solver on the worked examples of dart-lang/pub's solver.md, and on failure reporting. */
class SolverTest {

    private static Map<String, String> solved(InMemoryProvider p, String... roots) {
        Resolution r = Solver.solveRoots(p, InMemoryProvider.roots(roots));
        assertThat(r).isInstanceOf(Resolution.Solved.class);
        Map<String, String> out = new TreeMap<>();
        ((Resolution.Solved) r).versions().forEach((k, v) -> out.put(k.value(), v.toString()));
        return out;
    }

    @Test
    void noConflicts() {
        InMemoryProvider p = new InMemoryProvider()
                .add("foo", "1.0.0", "bar >=1.0.0,<2.0.0")
                .add("bar", "1.0.0").add("bar", "2.0.0");
        assertThat(solved(p, "foo ==1.0.0")).containsExactly(Map.entry("bar", "1.0.0"), Map.entry("foo", "1.0.0"));
    }

    @Test
    void avoidsConflictDuringDecisionMaking() {
        InMemoryProvider p = new InMemoryProvider()
                .add("foo", "1.0.0").add("foo", "1.1.0", "bar >=2.0.0,<3.0.0")
                .add("bar", "1.0.0").add("bar", "1.1.0").add("bar", "2.0.0");
        assertThat(solved(p, "foo >=1.0.0,<2.0.0", "bar >=1.0.0,<2.0.0"))
                .containsEntry("foo", "1.0.0").containsEntry("bar", "1.1.0");
    }

    @Test
    void performsConflictResolution() {
        InMemoryProvider p = new InMemoryProvider()
                .add("foo", "1.0.0")
                .add("foo", "2.0.0", "bar >=1.0.0,<2.0.0")
                .add("bar", "1.0.0", "foo >=1.0.0,<2.0.0");
        assertThat(solved(p, "foo >=1.0.0")).containsExactly(Map.entry("foo", "1.0.0"));
    }

    @Test
    void conflictResolutionWithAPartialSatisfier() {
        InMemoryProvider p = new InMemoryProvider()
                .add("foo", "1.0.0")
                .add("foo", "1.1.0", "left >=1.0.0,<2.0.0", "right >=1.0.0,<2.0.0")
                .add("left", "1.0.0", "shared >=1.0.0")
                .add("right", "1.0.0", "shared <2.0.0")
                .add("shared", "2.0.0")
                .add("shared", "1.0.0", "target >=1.0.0,<2.0.0")
                .add("target", "2.0.0").add("target", "1.0.0");
        assertThat(solved(p, "foo >=1.0.0,<2.0.0", "target >=2.0.0,<3.0.0"))
                .containsEntry("foo", "1.0.0").containsEntry("target", "2.0.0").doesNotContainKey("left");
    }

    @Test
    void linearErrorReporting() {
        InMemoryProvider p = new InMemoryProvider()
                .add("foo", "1.0.0", "bar >=2.0.0,<3.0.0")
                .add("bar", "2.0.0", "baz >=3.0.0,<4.0.0")
                .add("baz", "1.0.0").add("baz", "3.0.0");
        Resolution r = Solver.solveRoots(p, InMemoryProvider.roots("foo >=1.0.0,<2.0.0", "baz >=1.0.0,<2.0.0"));
        assertThat(r).isInstanceOf(Resolution.NoSolution.class);
        String text = String.join("\n", Explainer.explain(((Resolution.NoSolution) r).cause()));
        assertThat(text).contains("bar 2.0.0 requires baz >=3.0.0,<4.0.0").contains("foo 1.0.0 requires bar >=2.0.0,<3.0.0")
                .contains("requirements.txt:2 asks for baz >=1.0.0,<2.0.0").contains("the requirements cannot all be met");
    }

    @Test
    void fixFinderRanksThePinThatMovesLeastFirst() {
        // board 2.4.1 breaks with num >=1.24; board 2.13.0 does not. Moving num one minor back beats moving board nine.
        InMemoryProvider p = new InMemoryProvider()
                .add("board", "2.4.1", "num <1.24").add("board", "2.13.0")
                .add("num", "1.23.5").add("num", "1.24.4");
        var roots = InMemoryProvider.roots("board ==2.4.1", "num ==1.24.4");
        Resolution.NoSolution failure = (Resolution.NoSolution) Solver.solveRoots(p, roots);
        var fixes = FixFinder.find(p, roots, failure.cause(), 3, 3);
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(0).describe()).startsWith("num ==1.24.4 -> ==1.23.5");
        assertThat(fixes.get(1).describe()).startsWith("board ==2.4.1 -> ==2.13.0");
        assertThat(fixes.get(0).cost()).isLessThan(fixes.get(1).cost());
    }

    @Test
    void fixFinderRelaxesTheSmallestSetAndVerifiesIt() {
        InMemoryProvider p = new InMemoryProvider()
                .add("app", "1.0.0", "lib <2.0.0").add("app", "2.0.0", "lib >=2.0.0")
                .add("lib", "1.0.0").add("lib", "2.0.0");
        var roots = InMemoryProvider.roots("app ==1.0.0", "lib ==2.0.0");
        Resolution.NoSolution failure = (Resolution.NoSolution) Solver.solveRoots(p, roots);
        var fixes = FixFinder.find(p, roots, failure.cause(), 3, 3);
        assertThat(fixes).hasSize(2).allSatisfy(f -> assertThat(f.changes()).hasSize(1));
        assertThat(fixes).anySatisfy(f -> {
            assertThat(f.changes().get(0).requirement().pkg()).isEqualTo(PackageName.of("app"));
            assertThat(f.changes().get(0).to()).isEqualTo(Version.parse("2.0.0"));
        });
        assertThat(fixes).anySatisfy(f -> assertThat(f.changes().get(0).to()).isEqualTo(Version.parse("1.0.0")));
    }

    /**
     * A package whose releases nobody lists, paired version for version with a pinned one (like
     * tensorflow-intel and tensorflow): every guess but the right one fails, one version at a time, and the
     * guesses never reach the right one. The solver must give up on the package, not try guesses forever.
     */
    @Test
    void unlistedGuessesRuledOutOneAtATimeEndInAnExplainedFailure() {
        PackageName variant = PackageName.of("variant");
        PackageName base = PackageName.of("base");
        int[] guesses = {0};
        DependencyProvider provider = new DependencyProvider() {
            @Override
            public Choice choose(PackageName pkg, io.kompat.version.range.VersionSet allowed) {
                if (pkg.equals(base)) {
                    return new Chosen(Version.parse("1.0"), null);
                }
                guesses[0]++;
                return new Chosen(allowed.samples().get(allowed.samples().size() - 1), "nobody lists " + pkg);
            }

            @Override
            public java.util.List<Incompatibility> incompatibilitiesFor(PackageName pkg, Version version) {
                if (!pkg.equals(variant)) {
                    return java.util.List.of();
                }
                var exactly = io.kompat.version.range.VersionSet.exactly(version);
                return java.util.List.of(Incompatibility.external(Cause.Kind.CONSTRAINT, Origin.input("pairs"), null,
                        Term.positive(variant, exactly), Term.positive(base, exactly.complement())));
            }
        };
        Resolution r = Solver.solveRoots(provider, InMemoryProvider.roots("base ==1.0", "variant >=2"));
        assertThat(r).isInstanceOf(Resolution.NoSolution.class);
        assertThat(guesses[0]).as("tried, plus the one answer not tried").isEqualTo(Solver.MAX_GUESSES + 1);
        assertThat(String.join("\n", Explainer.explain(((Resolution.NoSolution) r).cause())))
                .contains("none of the " + Solver.MAX_GUESSES + " unverified versions tried fits");
    }
}
