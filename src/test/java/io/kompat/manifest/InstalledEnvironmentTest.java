package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Installed environments read from hand-built folders, against golden files. */
class InstalledEnvironmentTest {

    static String dump(InstalledEnvironment env) {
        return ManifestDump.dump(env.manifest()) + env.unmet().stream().map(d -> "unmet " + d.oneLine()).collect(Collectors.joining("\n", "", "\n"));
    }

    @ParameterizedTest
    @CsvSource({"site-packages, installed-site-packages", "conda-env, installed-conda-env"})
    void matchesGolden(String folder, String golden) throws IOException {
        String actual = dump(InstalledEnvironment.read(ProjectInputsGoldenTest.CORPUS.resolve(folder), CondaNames.bundled()));
        Path goldenFile = ProjectInputsGoldenTest.CORPUS.resolve("golden").resolve(golden + ".txt");
        if (Boolean.getBoolean("kompat.golden.update")) {
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile).as("golden file (write it with -Dkompat.golden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(goldenFile, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFolderIsALocatedError(@TempDir Path dir) {
        InstalledEnvironment env = InstalledEnvironment.read(dir.resolve("nope"), CondaNames.bundled());
        assertThat(env.manifest().hasErrors()).isTrue();
        assertThat(env.manifest().diagnostics().get(0).oneLine()).endsWith("nope: error: no such environment folder");
    }

    @Test
    void anEmptyFolderIsNotAnEnvironment(@TempDir Path dir) {
        InstalledEnvironment env = InstalledEnvironment.read(dir, CondaNames.bundled());
        assertThat(env.manifest().hasErrors()).isTrue();
        assertThat(env.manifest().diagnostics().get(0).message()).startsWith("not an environment");
    }

    @Test
    void aVirtualenvLayoutTakesItsPythonFromPyvenvCfg(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectories(dir.resolve("lib/python3.10/site-packages/six-1.16.0.dist-info"));
        Files.writeString(site.resolve("METADATA"), "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n");
        Files.writeString(dir.resolve("pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.10.12\n");
        InstalledEnvironment env = InstalledEnvironment.read(dir, CondaNames.bundled());
        assertThat(env.manifest().pythonHint()).isEqualTo("3.10.12");
        assertThat(env.manifest().entries()).extracting(e -> e.text()).containsExactly("six==1.16.0");
        assertThat(env.unmet()).isEmpty();
        assertThat(List.of(env.manifest().format())).containsExactly(InputFormat.INSTALLED);
    }
}
