package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files for project metadata and other tools' lockfiles. Regenerate after an intended change with
 * {@code ./mvnw test -Dtest=ProjectInputsGoldenTest -Dkompat.golden.update=true} and review the diff.
 */
class ProjectInputsGoldenTest {
    static final Path CORPUS = Path.of("src/test/resources/inputs");

    static Manifest read(String relative, InputSelection selection) {
        ManifestReader reader = new ManifestReader(Map.<String, String>of()::get, CondaNames.bundled()).selecting(selection);
        return reader.read(List.of(CORPUS.resolve(relative)), null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pep621/pyproject.toml | | | pep621",
        "pep621/pyproject.toml | ALL | dev | pep621-all-dev",
        "poetry/pyproject.toml | | | poetry",
        "poetry/pyproject.toml | science | dev | poetry-science-dev",
        "invalid-pyproject/pyproject.toml | | | invalid-pyproject",
        "pep621/pyproject.toml | cuda | | unknown-extra",
        "poetry-lock/poetry.lock | | | poetry-lock",
        "uv-lock/uv.lock | | | uv-lock",
        "pipenv/Pipfile | | | pipfile",
        "pipenv/Pipfile | | dev | pipfile-dev",
        "pipenv/Pipfile.lock | | | pipfile-lock",
        "pipenv/Pipfile.lock | | dev | pipfile-lock-dev",
        "conda-lock/conda-lock.yml | | | conda-lock",
        "invalid-locks/a/poetry.lock | | | invalid-poetry-lock",
        "invalid-locks/b/Pipfile.lock | | | invalid-pipfile-lock",
        "invalid-locks/c/conda-lock.yml | | | invalid-conda-lock",
        "invalid-locks/d/uv.lock | | | invalid-uv-lock",
        "invalid-locks/e/Pipfile | | | invalid-pipfile",
        "setup-cfg/setup.cfg | | | setup-cfg",
        "setup-cfg/setup.cfg | gpu,test | | setup-cfg-gpu-test",
        "invalid-setup-cfg/setup.cfg | | | invalid-setup-cfg",
        "setup-py/setup.py | | | setup-py",
        "setup-py/setup.py | GPU,test | | setup-py-gpu-test",
        "setup-py-computed/setup.py | gpu | | setup-py-computed",
        "invalid-setup-py/setup.py | | | invalid-setup-py",
    })
    void matchesGolden(String input, String extras, String groups, String golden) throws IOException {
        InputSelection selection = new InputSelection(extras == null ? List.of() : List.of(extras.split(",")),
                groups == null ? List.of() : List.of(groups.split(",")));
        String actual = ManifestDump.dump(read(input, selection)) + "python bound: " + read(input, selection).pythonBound() + "\n";
        Path goldenFile = CORPUS.resolve("golden").resolve(golden + ".txt");
        if (Boolean.getBoolean("kompat.golden.update")) {
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile).as("golden file (write it with -Dkompat.golden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(goldenFile, StandardCharsets.UTF_8));
    }
}
