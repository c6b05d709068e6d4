package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled matrix is the YAML matrix: same facts, same citations (file and line), same fingerprint. */
class CompiledMatrixTest {
    static CompatibilityMatrix fromYaml;

    @BeforeAll
    static void load() throws MatrixException {
        fromYaml = MatrixLoader.validateBundled();
    }

    static void assertSameMatrix(CompatibilityMatrix actual, CompatibilityMatrix expected) {
        assertThat(actual.fingerprint()).isEqualTo(expected.fingerprint());
        assertThat(actual.packages()).containsExactlyElementsOf(expected.packages());
        assertThat(actual.rules()).containsExactlyElementsOf(expected.rules());
        assertThat(actual.imports()).containsExactlyElementsOf(expected.imports());
        assertThat(actual.pythons()).containsExactlyElementsOf(expected.pythons());
        assertThat(actual.moves()).containsExactlyElementsOf(expected.moves());
        assertThat(actual.symbols()).containsExactlyElementsOf(expected.symbols());
        assertThat(actual.replacements()).containsExactlyElementsOf(expected.replacements());
    }

    @Test
    void theBuildCompiledTheBundledMatrixAndItIsWhatStartsRead() throws MatrixException {
        CompatibilityMatrix compiled = CompiledMatrix.readBundled();
        assertThat(compiled).as("compatibility-matrix/compiled on the class path (made in process-classes)").isNotNull();
        assertSameMatrix(compiled, fromYaml);
        assertThat(compiled.rules()).anySatisfy(r -> assertThat(r.citation().line()).isGreaterThan(100));
    }

    @Test
    void compilingAFolderAndReadingItBackGivesTheSameMatrix(@TempDir Path dir) throws Exception {
        Path out = compileBundledInto(dir);
        assertSameMatrix(CompiledMatrix.read(name -> open(out, name)), fromYaml);
    }

    @Test
    void aDamagedCompiledFormIsAnErrorNamingItNotAWrongMatrix(@TempDir Path dir) throws Exception {
        Path out = compileBundledInto(dir);
        Path keras = out.resolve("keras.json");
        String json = Files.readString(keras);
        Files.writeString(keras, json.replaceFirst("\"lines\":\\[\\d+,", "\"lines\":["));
        assertThatThrownBy(() -> CompiledMatrix.read(name -> open(out, name)))
                .isInstanceOfSatisfying(MatrixException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .contains("unreadable compiled matrix (rebuild kompat)").contains("fewer line numbers than nodes"));
        Files.writeString(keras, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> CompiledMatrix.read(name -> open(out, name))).isInstanceOf(MatrixException.class);
        Files.delete(out.resolve("index.json"));
        assertThat(CompiledMatrix.read(name -> open(out, name))).as("no index: not compiled, the YAML is read").isNull();
    }

    @Test
    void aMatrixWithProblemsDoesNotCompile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "schema: kompat.matrix/1\nrules:\n  - id: x\n    package: keras\n");
        assertThatThrownBy(() -> CompiledMatrix.compile(dir, dir.resolve("compiled"))).isInstanceOf(MatrixException.class);
        assertThat(dir.resolve("compiled")).doesNotExist();
        assertThatThrownBy(() -> CompiledMatrix.main(new String[] {dir.toString(), dir.resolve("compiled").toString()}))
                .as("the build step fails by exception: it runs inside Maven's JVM, where System.exit would end the build")
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("problem(s) in the compatibility matrix; nothing was compiled");
        assertThatThrownBy(() -> CompiledMatrix.main(new String[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static Path compileBundledInto(Path dir) throws Exception {
        Path src = dir.resolve("matrix");
        Files.createDirectories(src);
        for (var f : MatrixLoader.bundledFiles().entrySet()) {
            Files.writeString(src.resolve(Path.of(f.getKey()).getFileName().toString()), f.getValue());
        }
        Files.writeString(src.resolve(MatrixLoader.SCHEMA_FILE), MatrixLoader.bundledSchema());
        Path out = dir.resolve("compiled");
        CompiledMatrix.compile(src, out);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("index.json", "keras.json", "keras-backend-symbols.json")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
        return out;
    }

    private static InputStream open(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.newInputStream(p) : null;
    }
}
