package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixLoaderTest {

    private static MatrixException problems(String yaml) throws MatrixException {
        try {
            MatrixLoader.load(Map.of("bad.yaml", yaml), MatrixLoader.bundledSchema());
        } catch (MatrixException e) {
            return e;
        }
        throw new AssertionError("loaded");
    }

    @Test
    void schemaErrorsNameFileAndLine() throws MatrixException {
        MatrixException e = problems("""
                schema: kompat.matrix/1
                rules:
                  - id: ok-rule
                    package: keras
                    requires: {numpy: ">=1"}
                    source: https://example.org/a
                  - id: no-source
                    package: keras
                    requires: {numpy: ">=1"}
                """);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:7:").contains("source"));
    }

    @Test
    void unquotedVersionsAndBadSpecifiersAreRejected() throws MatrixException {
        MatrixException e = problems("""
                schema: kompat.matrix/1
                packages:
                  x:
                    summary: x
                    releases:
                      - versions: [1.10]
                        source: https://example.org/a
                rules:
                  - id: bad-spec
                    package: x
                    versions: ">=1.0,=<2"
                    requires: {numpy: ">=1"}
                    source: https://example.org/a
                """);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:6:"));
    }

    @Test
    void semanticErrorsNameFileAndLine() throws MatrixException {
        MatrixException e = problems("""
                schema: kompat.matrix/1
                rules:
                  - id: same
                    package: x
                    versions: ">=1.0,=<2"
                    requires: {numpy: ">=1"}
                    source: https://example.org/a
                  - id: same
                    package: x
                    requires: {numpy: ">=1"}
                    source: https://example.org/a
                """);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:5:").contains("invalid version specifier"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:8:").contains("already used"));
    }

    @Test
    void alternativesMeetOneNeedAndAMoveSaysWhereTheNamesWentOrWhatReplacesThem() throws MatrixException {
        assertThat(problems("""
                schema: kompat.matrix/1
                rules:
                  - id: two-needs
                    package: keras
                    requires: {tensorflow: ">=0", h5py: ">=2"}
                    alternatives: [theano]
                    source: https://example.org/a
                """).problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:6:").contains("alternatives meet the one need"));
        assertThat(problems("""
                schema: kompat.matrix/1
                moves:
                  - package: tensorflow
                    namespace: tensorflow
                    names: [contrib]
                    last: "1.15"
                    source: https://example.org/b
                """).problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:3:").contains("'replacement'"));
        CompatibilityMatrix m = MatrixLoader.load(Map.of("ok.yaml", """
                schema: kompat.matrix/1
                rules:
                  - id: one-need
                    package: keras
                    requires: {tensorflow: ">=0"}
                    alternatives: [theano, cntk]
                    source: https://example.org/a
                moves:
                  - package: tensorflow
                    namespace: tensorflow
                    names: [contrib]
                    last: "1.15"
                    replacement: use tensorflow-addons
                    source: https://example.org/b
                """), MatrixLoader.bundledSchema());
        assertThat(m.rules()).singleElement().satisfies(r -> assertThat(r.alternativesText()).isEqualTo(" (or theano, cntk)"));
        assertThat(m.moves()).singleElement().satisfies(mv -> assertThat(mv.removed()).isTrue());
    }

    @Test
    void invalidYamlIsReported() {
        assertThatThrownBy(() -> MatrixLoader.load(Map.of("bad.yaml", "schema: [unclosed\n"), MatrixLoader.bundledSchema()))
                .isInstanceOf(MatrixException.class).hasMessageContaining("bad.yaml").hasMessageContaining("invalid YAML");
    }

    @Test
    void aSymbolFileHoldsOnlySymbolsAndReplacementsBecauseItIsReadLate() throws MatrixException {
        String yaml = """
                schema: kompat.matrix/1
                replacements:
                  - symbol: "get_session"
                    advice: "tf.compat.v1.keras.backend.get_session"
                    source: https://example.org/a
                rules:
                  - id: a-rule
                    package: keras
                    requires: {numpy: ">=1"}
                    source: https://example.org/a
                """;
        assertThatThrownBy(() -> MatrixLoader.load(Map.of("x-symbols.yaml", yaml), MatrixLoader.bundledSchema()))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.problems())
                        .containsExactly("x-symbols.yaml:6: 'rules' does not belong in a symbol file (files named *-symbols.yaml"
                                + " hold only symbols and replacements; they are read on first use)"));
        assertThat(MatrixLoader.load(Map.of("x.yaml", yaml), MatrixLoader.bundledSchema()).replacements()).hasSize(1);
    }

    @Test
    void ruleFacetsHoldOnTheirPlatformsOnly() throws MatrixException {
        CompatibilityMatrix m = MatrixLoader.load(Map.of("p.yaml", """
                schema: kompat.matrix/1
                rules:
                  - id: arm-only
                    package: tensorflow
                    versions: ">=2.10,<2.14"
                    platforms: [linux-aarch64]
                    requires: {tensorflow-cpu-aws: same-version}
                    source: https://example.org/a
                """), MatrixLoader.bundledSchema());
        MatrixRule rule = m.rules().get(0);
        assertThat(rule.holdsOn(io.kompat.requirement.Platform.LINUX_AARCH64)).isTrue();
        assertThat(rule.holdsOn(io.kompat.requirement.Platform.LINUX_X86_64)).isFalse();
        assertThat(rule.requires().get(io.kompat.requirement.PackageName.of("tensorflow-cpu-aws"))).isSameAs(MatrixRule.SAME_VERSION);
        assertThat(problems("""
                schema: kompat.matrix/1
                rules:
                  - id: bad-platform
                    package: tensorflow
                    platforms: [linux-riscv64]
                    python: ">=3.8"
                    source: https://example.org/a
                """).problems()).singleElement().asString().startsWith("bad.yaml:5: ");
    }

    @Test
    void versionInARequiresDistEntryIsEachReleasesOwn() throws MatrixException {
        CompatibilityMatrix m = MatrixLoader.load(Map.of("releases-x.yaml", """
                schema: kompat.releases/1
                package: x
                releases:
                  - versions: {"1.0.0": null, "1.0.1": null}
                    requires-dist: ["numpy>=1", "x-win=={version} ; platform_system == \\"Windows\\""]
                    sources:
                      requires-dist: https://github.com/o/x/blob/v1.0.0/setup.py
                """, "x.yaml", """
                schema: kompat.matrix/1
                packages:
                  x:
                    summary: x
                """), MatrixLoader.bundledSchema());
        ReleaseFacts f = m.releaseFacts(io.kompat.requirement.PackageName.of("x")).orElseThrow();
        assertThat(f.release(io.kompat.version.Version.parse("1.0.1")).orElseThrow().requiresDist().orElseThrow())
                .extracting(Object::toString).containsExactly("numpy>=1", "x-win==1.0.1; platform_system == \"Windows\"");
        assertThat(f.release(io.kompat.version.Version.parse("1.0.0")).orElseThrow().requiresDist().orElseThrow())
                .extracting(Object::toString).contains("x-win==1.0.0; platform_system == \"Windows\"");
    }
}
