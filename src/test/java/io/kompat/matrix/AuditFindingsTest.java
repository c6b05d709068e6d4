package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 20 facts the matrix audit (shared/reference/matrix-audit.md, section 1) found wrong, one row each, against
 * the bundled release metadata and the runtime rules together: what pip sees must allow what the quoted metadata
 * allows and refuse what it refuses, and no runtime rule may put the wrong range back (a rule with its own cited
 * break is named where one applies).
 */
class AuditFindingsTest {
    static CompatibilityMatrix matrix;

    @BeforeAll
    static void load() throws MatrixException {
        matrix = MatrixLoader.validateBundled();
    }

    /** What the release declares for {@code dependency} (entries without a marker, or whose marker holds on Linux x86-64). */
    static SpecifierSet declared(String pkg, String version, String dependency) {
        ReleaseFact r = matrix.releaseFacts(PackageName.of(pkg)).orElseThrow().release(Version.parse(version))
                .orElseThrow(() -> new AssertionError(pkg + " " + version + " is not listed"));
        List<Requirement> reqs = r.requiresDist().orElseThrow(() -> new AssertionError(pkg + " " + version + " has no Requires-Dist"));
        return reqs.stream().filter(q -> q.name().equals(PackageName.of(dependency)) && q.marker().isEmpty())
                .map(Requirement::specifiers).reduce(SpecifierSet.any(), SpecifierSet::and);
    }

    /** The runtime rules of {@code pkg version} that restrict {@code dependency} (requires, constrains, conflicts). */
    static List<MatrixRule> restricting(String pkg, String version, String dependency) {
        PackageName d = PackageName.of(dependency);
        return matrix.rulesFor(PackageName.of(pkg), Version.parse(version)).stream()
                .filter(r -> r.requires().containsKey(d) || r.constrains().containsKey(d) || r.conflicts().containsKey(d)).toList();
    }

    /** Whether the runtime rules of {@code pkg version} allow {@code dependency other}. */
    static boolean rulesAllow(String pkg, String version, String dependency, String other) {
        PackageName d = PackageName.of(dependency);
        Version o = Version.parse(other);
        for (MatrixRule r : restricting(pkg, version, dependency)) {
            SpecifierSet need = r.requires().containsKey(d) ? r.requires().get(d) : r.constrains().get(d);
            if (need != null && need != MatrixRule.SAME_VERSION && !need.contains(o, true)) {
                return false;
            }
            if (r.conflicts().containsKey(d) && r.conflicts().get(d).contains(o, true)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One finding: {@code tensorflow version} and {@code dependency other} must be {@code allowed} (or refused) by the
     * release metadata; the runtime rules must not refuse an allowed pair unless {@code ruleBreak} names the rule
     * that cites a break for it.
     */
    static Arguments row(int row, String pkg, String version, String dependency, String other, boolean allowed, String ruleBreak, String quote) {
        return Arguments.of(row, pkg, version, dependency, other, allowed, ruleBreak, quote);
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                // too narrow: the matrix refused what pip installs
                row(1, "tensorflow", "2.5.0", "tensorboard", "2.7.0", true, null, "2.5.0 wheel METADATA: tensorboard (~=2.5) (tensorflow#50042)"),
                row(2, "tensorflow", "2.6.1", "tensorboard", "2.7.0", true, null, "pip installs tensorflow 2.6.1 with tensorboard 2.7.0 (tensorflow#52922)"),
                row(37, "tensorflow", "2.12.1", "numpy", "1.24.3", true, null, "'numpy >= 1.22, <= 1.24.3' (conda-forge patch at v2.12.1)"),
                row(39, "tensorflow", "2.14.0", "numpy", "2.0.0", true, "tensorflow-numpy2", "'numpy >= 1.23.5' without an upper bound (conda-forge patch at v2.14.0)"),
                row(46, "tensorflow", "2.1.0", "numpy", "1.19.0", true, null, "'numpy >= 1.16.0, < 2.0' (r2.1 setup.py at 2.1.0-rc2)"),
                row(48, "tensorflow", "1.15.2", "numpy", "1.19.0", true, null, "'numpy >= 1.16.0, < 2.0' (1.15.2 setup.py)"),
                row(49, "tensorflow", "1.14.0", "numpy", "1.19.0", true, null, "numpy<2.0,>=1.14.5 (pip, NVIDIA/waveglow#134)"),
                row(50, "tensorflow", "1.12.0", "numpy", "1.19.0", true, null, "'numpy >= 1.13.3' (1.12.0 setup.py)"),
                row(51, "tensorflow", "1.11.0", "numpy", "1.19.0", true, null, "no cap: the 1.10 cap was removed for 1.11 (tensorflow#21866)"),
                row(53, "tensorflow", "1.9.0", "numpy", "1.19.0", true, null, "'numpy >= 1.13.3' (1.9.0 setup.py)"),
                row(54, "tensorflow", "1.7.0", "numpy", "1.19.0", true, null, "numpy>=1.13.3 (pip, voxel51/eta#51)"),
                row(55, "tensorflow", "1.5.0", "numpy", "1.15.0", true, null, "'numpy >= 1.12.1' (1.5 setup.py)"),
                row(56, "tensorflow", "1.2.0", "numpy", "1.15.0", true, null, "'numpy >= 1.11.0' (1.2 setup.py)"),
                // too wide: the matrix accepted what pip refuses
                row(29, "tensorflow", "2.18.0", "keras", "3.4.1", false, null, "'keras >= 3.5.0' (conda-forge patch at v2.18.0)"),
                row(59, "tensorflow", "2.9.1", "protobuf", "3.20.3", false, null, "'protobuf >= 3.9.2, < 3.20' (conda-forge patch at v2.9.1)"),
                row(60, "tensorflow", "2.10.1", "protobuf", "3.20.3", false, null, "'protobuf >= 3.9.2, < 3.20' (2.10.1 setup.py)"),
                row(61, "tensorflow", "2.11.0", "protobuf", "3.20.3", false, null, "'protobuf >= 3.9.2, < 3.20' (conda-forge patch at v2.11.0)"),
                row(62, "tensorflow", "2.7.3", "protobuf", "3.20.3", false, null, "'protobuf >= 3.9.2, < 3.20' (r2.7 setup.py after 2.7.1)"),
                // wrong: both ends
                row(4, "tensorflow", "2.7.0", "tensorboard", "2.6.0", true, null, "'tensorboard ~= 2.6' (r2.7 setup.py)"),
                row(4, "tensorflow", "2.7.0", "tensorboard", "2.11.0", true, null, "'tensorboard ~= 2.6' (r2.7 setup.py)"));
    }

    @ParameterizedTest(name = "audit row {0}: {1} {2} with {3} {4}")
    @MethodSource("findings")
    void findingIsCorrected(int row, String pkg, String version, String dependency, String other, boolean allowed, String ruleBreak, String quote) {
        ReleaseFact release = matrix.releaseFacts(PackageName.of(pkg)).orElseThrow().release(Version.parse(version)).orElseThrow();
        if (release.requiresDist().isPresent() || !allowed) {
            assertThat(declared(pkg, version, dependency).contains(Version.parse(other), true))
                    .as("row %d: release metadata of %s %s for %s %s; the source says %s", row, pkg, version, dependency, other, quote)
                    .isEqualTo(allowed);
        }
        // Where Requires-Dist of the release is not bundled (only pip's partial quote was seen), pip's own metadata
        // decides when an index answers; the wrong cap must not survive as a rule (checked below).
        if (allowed && ruleBreak == null) {
            assertThat(rulesAllow(pkg, version, dependency, other))
                    .as("row %d: no runtime rule refuses %s %s with %s %s (%s)", row, pkg, version, dependency, other,
                            restricting(pkg, version, dependency).stream().map(r -> r.id()).toList())
                    .isTrue();
        }
        if (ruleBreak != null) {
            assertThat(restricting(pkg, version, dependency)).as("row %d: the break is the runtime rule's, with its error", row)
                    .anySatisfy(r -> {
                        assertThat(r.id()).isEqualTo(ruleBreak);
                        assertThat(r.error()).isNotBlank();
                    });
        }
    }

    @Test
    void keras242DeclaresNoTensorflowAndItsNeedIsARuntimeRule() {
        // row 91: keras 2.4.2/2.4.3 declare no TensorFlow ("Remove TF setup requirement"); the need is at import.
        for (String v : List.of("2.4.2", "2.4.3")) {
            ReleaseFact r = matrix.releaseFacts(PackageName.of("keras")).orElseThrow().release(Version.parse(v)).orElseThrow();
            assertThat(r.requiresDist().orElseThrow()).as("keras " + v).noneMatch(q -> q.name().equals(PackageName.of("tensorflow")));
            assertThat(restricting("keras", v, "tensorflow")).anySatisfy(rule -> {
                assertThat(rule.kind()).isEqualTo(MatrixRule.Kind.RUNTIME);
                assertThat(rule.error()).contains("Keras requires TensorFlow 2.2 or higher");
            });
        }
    }

    @Test
    void requirementsPipEnforcesThatTheMatrixLacked() {
        // rows 15-18, 81, 92: requirements in the metadata that the matrix did not state at all.
        assertThat(declared("tensorflow", "2.2.0", "tensorboard").contains(Version.parse("2.3.0"), true)).as("row 15").isFalse();
        assertThat(declared("tensorflow", "2.3.0", "tensorboard").contains(Version.parse("2.3.0"), true)).as("row 16").isTrue();
        assertThat(declared("tensorflow", "1.15.2", "tensorboard").contains(Version.parse("2.0.0"), true)).as("row 17").isFalse();
        assertThat(declared("tensorflow", "2.3.0", "scipy")).as("row 81").hasToString("==1.4.1");
        assertThat(declared("keras", "2.0.5", "theano")).as("row 92").hasToString("");
        ReleaseFact k205 = matrix.releaseFacts(PackageName.of("keras")).orElseThrow().release(Version.parse("2.0.5")).orElseThrow();
        assertThat(k205.requiresDist().orElseThrow()).as("row 92").anyMatch(q -> q.name().equals(PackageName.of("theano")));
    }

    @Test
    void noTensorflowRequirementOrConstraintIsARuleThatRepeatsMetadata() {
        // The Spack-transcribed requires/constrains ranges are gone from the rules: TensorFlow's rules are breaks
        // (conflicts, an unavailable release), each with a source that shows it.
        for (MatrixRule r : matrix.rulesOf(PackageName.of("tensorflow"))) {
            if (r.kind() != MatrixRule.Kind.RUNTIME) {
                continue;
            }
            assertThat(r.requires()).as(r.id()).isEmpty();
            assertThat(r.constrains()).as(r.id()).isEmpty();
            if (!r.conflicts().isEmpty()) {
                assertThat(r.error()).as("%s carries the error users see", r.id()).isNotBlank();
            }
        }
    }
}
