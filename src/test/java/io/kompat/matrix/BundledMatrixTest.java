package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.version.SpecifierSet;
import io.kompat.version.Version;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled matrix loads, cites every fact, and states the facts users rely on. */
class BundledMatrixTest {
    static CompatibilityMatrix matrix;

    @BeforeAll
    static void load() throws MatrixException {
        matrix = MatrixLoader.validateBundled();
    }

    @Test
    void loadingWithoutSchemaValidationGivesTheSameMatrix() throws MatrixException {
        assertThat(MatrixLoader.loadBundled().fingerprint()).isEqualTo(matrix.fingerprint());
        assertThat(MatrixLoader.loadBundled().rules()).hasSameSizeAs(matrix.rules());
    }

    @Test
    void symbolFilesReadOnFirstUseGiveTheSameTablesAndReplacements() throws MatrixException {
        CompatibilityMatrix lazy = MatrixLoader.loadBundled();
        assertThat(lazy.symbols()).isNotEmpty().containsExactlyElementsOf(matrix.symbols());
        assertThat(lazy.replacements()).isNotEmpty().containsExactlyElementsOf(matrix.replacements());
        assertThat(lazy.moves()).containsExactlyElementsOf(matrix.moves());
        assertThat(MatrixLoader.loadBundled()).as("loaded once per process").isSameAs(lazy);
    }

    static PackageName p(String name) {
        return PackageName.of(name);
    }

    static Version v(String version) {
        return Version.parse(version);
    }

    /** The merged requirement a package version places on another, over all matching rules. */
    static SpecifierSet required(String pkg, String version, String dependency) {
        List<SpecifierSet> specs = matrix.rulesFor(p(pkg), v(version)).stream()
                .map(r -> r.requires().get(p(dependency))).filter(s -> s != null).toList();
        return specs.stream().reduce(SpecifierSet.any(), SpecifierSet::and);
    }

    static SpecifierSet constrained(String pkg, String version, String dependency) {
        return matrix.rulesFor(p(pkg), v(version)).stream().map(r -> r.constrains().get(p(dependency)))
                .filter(s -> s != null).reduce(SpecifierSet.any(), SpecifierSet::and);
    }

    static SpecifierSet python(String pkg, String version, Platform platform) {
        return matrix.rulesFor(p(pkg), v(version)).stream().map(r -> r.pythonFor(platform))
                .filter(s -> s != null).reduce(SpecifierSet.any(), SpecifierSet::and);
    }

    @Test
    void everyFactHasAPublicSource() {
        assertThat(matrix.rules()).isNotEmpty().allSatisfy(r ->
                assertThat(r.citation().sources()).as(r.id()).isNotEmpty().allMatch(s -> s.startsWith("https://")));
        assertThat(matrix.packages()).allSatisfy(pkg -> pkg.releases().values()
                .forEach(c -> assertThat(c.sources()).as(pkg.name().value()).isNotEmpty()));
        assertThat(matrix.symbols()).allSatisfy(s -> assertThat(s.citation().sources()).isNotEmpty());
        assertThat(matrix.pythons()).allSatisfy(s -> assertThat(s.citation().sources()).isNotEmpty());
    }

    /** What release {@code version} of {@code pkg} declares for {@code dependency} in its bundled release metadata. */
    static SpecifierSet declared(String pkg, String version, String dependency) {
        ReleaseFact r = matrix.releaseFacts(p(pkg)).orElseThrow().release(v(version)).orElseThrow();
        return r.requiresDist().orElseThrow().stream().filter(q -> q.name().equals(p(dependency)) && q.marker().isEmpty())
                .map(q -> q.specifiers()).reduce(SpecifierSet.any(), SpecifierSet::and);
    }

    @Test
    void tensorflowReleaseListIsWhatPipListed() {
        var releases = matrix.packageInfo(p("tensorflow")).orElseThrow().releases();
        for (String patch : List.of("0.12.1", "1.15.5", "2.1.4", "2.2.3", "2.3.4", "2.4.4", "2.5.3", "2.6.5", "2.15.0.post1", "2.19.1")) {
            assertThat(releases).as(patch).containsKey(v(patch));
        }
        assertThat(releases.get(v("2.4.4")).sources()).anySatisfy(s -> assertThat(s).contains("/issues/"));
        // Tags that were never published on PyPI, pre-releases deleted from it, and a release that never existed.
        for (String absent : List.of("0.11.0", "1.12.1", "1.13.0", "1.15.1", "2.16.0", "2.2.0rc4", "2.0.0a0", "2.4.9")) {
            assertThat(releases).as(absent).doesNotContainKey(v(absent));
        }
        assertThat(matrix.releaseFacts(p("tensorflow")).orElseThrow().completeAsOf()).isPresent();
    }

    @Test
    void tensorflowFacts() {
        SpecifierSet py115 = python("tensorflow", "1.15.0", Platform.LINUX_X86_64);
        assertThat(py115.contains(v("3.7"))).isTrue();
        assertThat(py115.contains(v("3.8"))).isFalse();
        assertThat(py115.contains(v("2.7"))).isTrue();
        assertThat(python("tensorflow", "1.15.0", Platform.WINDOWS_AMD64).contains(v("2.7"))).isFalse();
        assertThat(declared("tensorflow", "2.15.0", "keras").contains(v("2.15.0"))).isTrue();
        assertThat(declared("tensorflow", "2.15.0", "keras").contains(v("2.16.0"))).isFalse();
        assertThat(declared("tensorflow", "2.15.0", "numpy").contains(v("2.0.0"))).isFalse();
        assertThat(declared("tensorflow", "2.15.0", "numpy").contains(v("1.26.4"))).isTrue();
        assertThat(matrix.rulesFor(p("tensorflow"), v("2.14.0")).stream()
                .anyMatch(r -> r.conflicts().containsKey(p("numpy")) && r.conflicts().get(p("numpy")).contains(v("2.0.0")))).isTrue();
        assertThat(declared("tensorflow", "2.21.0", "keras")).hasToString(">=3.12.0");
        assertThat(declared("tensorflow", "2.6.0", "keras").contains(v("2.7.0"))).isTrue();
        assertThat(declared("tensorflow", "2.6.1", "tensorboard").contains(v("2.7.0"))).as("audit row 2").isTrue();
        assertThat(declared("tensorflow", "2.7.0", "tensorboard").contains(v("2.6.0"))).as("audit row 4").isTrue();
        assertThat(declared("tensorflow", "2.10.1", "protobuf").contains(v("3.20.3"))).as("audit row 60").isFalse();
        assertThat(declared("tensorflow", "2.12.1", "numpy").contains(v("1.24.3"))).as("audit row 37").isTrue();
        assertThat(declared("tensorflow", "2.18.0", "keras").contains(v("3.4.1"))).as("audit row 29").isFalse();
        assertThat(declared("tensorflow", "2.3.0", "scipy")).as("audit row 81").hasToString("==1.4.1");
        assertThat(declared("tensorflow", "1.12.0", "numpy").contains(v("1.19.0"))).as("audit row 50").isTrue();
        assertThat(matrix.rulesFor(p("tensorflow"), v("2.6.0")).stream().anyMatch(r -> r.conflicts().containsKey(p("keras")))).isTrue();
        assertThat(declared("tensorflow", "2.6.2", "keras").contains(v("2.7.0"))).as("2.6.2 pins keras to 2.6 in its metadata").isFalse();
    }

    @Test
    void cudaAndCudnnOfTheGpuBuilds() {
        assertThat(matrix.rulesFor(p("tensorflow"), v("2.15.1")).stream().filter(r -> !r.build().isEmpty()).findFirst().orElseThrow().build())
                .containsEntry("cuda", "12.2").containsEntry("cudnn", "8.9");
        assertThat(matrix.rulesFor(p("tensorflow-gpu"), v("1.15.0")).stream().filter(r -> !r.build().isEmpty()).findFirst().orElseThrow().build())
                .containsEntry("cuda", "10.0").containsEntry("cudnn", "7.4");
    }

    @Test
    void variantsShareTensorflowRules() {
        assertThat(matrix.packageInfo(p("tensorflow-cpu")).orElseThrow().sameAs()).isEqualTo(p("tensorflow"));
        assertThat(python("tensorflow-gpu", "1.15.0", Platform.LINUX_X86_64).contains(v("3.8"))).isFalse();
        assertThat(matrix.rulesFor(p("tensorflow-gpu"), v("2.12.0")).stream().anyMatch(r -> r.unavailable() != null)).isTrue();
        assertThat(matrix.imports()).anySatisfy(g -> {
            assertThat(g.clash(p("tensorflow"), p("tensorflow-gpu"))).isTrue();
            assertThat(g.clash(p("tensorflow"), p("tensorflow-intel"))).isFalse();
        });
    }

    @Test
    void kerasFacts() {
        assertThat(constrained("keras", "2.2.4", "tensorflow").contains(v("1.15.0"))).isTrue();
        assertThat(constrained("keras", "2.2.4", "tensorflow").contains(v("2.0.0"))).isFalse();
        assertThat(constrained("keras", "2.3.1", "tensorflow").contains(v("2.0.0"))).isTrue();
        assertThat(constrained("keras", "2.3.1", "tensorflow").contains(v("2.1.0"))).isFalse();
        assertThat(constrained("keras", "3.0.0", "tensorflow").contains(v("2.15.0"))).isFalse();
        assertThat(constrained("keras", "3.0.0", "tensorflow").contains(v("2.16.1"))).isTrue();
        assertThat(constrained("keras", "2.15.0", "tensorflow")).hasToString("<2.16,>=2.15");
        assertThat(matrix.packageInfo(p("keras")).orElseThrow().backends()).anySatisfy(b -> {
            assertThat(b.versions().contains(v("2.2.4"))).isTrue();
            assertThat(b.names()).contains("theano");
        });
    }

    @Test
    void kerasBackendSymbols() {
        SymbolTable k224 = table("2.2.4", "keras.backend", "tensorflow");
        SymbolTable k225 = table("2.2.5", "keras.backend", "tensorflow");
        assertThat(k224.names()).contains("tf", "get_session", "image_dim_ordering");
        assertThat(k225.names()).doesNotContain("tf", "image_dim_ordering").contains("get_session");
        assertThat(table("3.0.0", "keras.backend", null).names()).doesNotContain("get_session");
    }

    private static SymbolTable table(String version, String namespace, String backend) {
        return matrix.symbols().stream().filter(s -> s.version().equals(v(version)) && s.namespace().equals(namespace)
                && java.util.Objects.equals(s.backend(), backend)).findFirst().orElseThrow();
    }

    @Test
    void pythonEndOfLife() {
        assertThat(matrix.python("3.7").orElseThrow().isEndOfLife(java.time.LocalDate.of(2026, 11, 22))).isTrue();
        assertThat(matrix.python("3.12").orElseThrow().isEndOfLife(java.time.LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(matrix.python("3.10").orElseThrow().endOfLifeDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 31));
    }

    @Test
    void unverifiedFactsAreMarked() {
        assertThat(matrix.rules().stream().filter(r -> !r.citation().verified()).map(MatrixRule::id).collect(Collectors.toSet()))
                .contains("keras-3-tensorflow-backend", "theano-numpy2", "keras-theano-0.9");
    }
}
