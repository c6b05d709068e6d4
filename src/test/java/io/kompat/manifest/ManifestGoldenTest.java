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
 * Golden files for every fixture of the input-format corpus. Regenerate after an intended change with
 * {@code ./mvnw test -Dtest=ManifestGoldenTest -Dkompat.golden.update=true} and review the diff.
 */
class ManifestGoldenTest {
    static final Path CORPUS = Path.of("src/test/resources/manifest");
    static final Map<String, String> ENV = Map.of("KOMPAT_TEST_INDEX", "https://pypi.example.org/simple");

    static Manifest read(String relative) {
        ManifestReader reader = new ManifestReader(ENV::get, CondaNames.bundled());
        return reader.read(List.of(CORPUS.resolve(relative)), null);
    }

    @ParameterizedTest
    @CsvSource({
        "tf1-keras22/requirements.txt, tf1-keras22",
        "tf2-tfkeras/requirements.txt, tf2-tfkeras",
        "keras3/requirements.txt, keras3",
        "invalid/requirements.txt, invalid",
        "cycle/a.txt, cycle",
        "conda/environment.yml, conda-environment",
        "conda/export.txt, conda-export",
        "conda/explicit.txt, conda-explicit",
        "freeze/requirements-freeze.txt, pip-freeze",
    })
    void matchesGolden(String input, String golden) throws IOException {
        String actual = ManifestDump.dump(read(input));
        Path goldenFile = CORPUS.resolve("golden").resolve(golden + ".txt");
        if (Boolean.getBoolean("kompat.golden.update")) {
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile).as("golden file (write it with -Dkompat.golden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(goldenFile, StandardCharsets.UTF_8));
    }
}
