package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pip reads a {@code -r file:...} include from the disk; so does kompat (mask2face's environment.yml). */
class FileUrlIncludeTest {
    @TempDir
    Path dir;

    @Test
    void aFileUrlIncludeInThePipSectionIsRead() throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "tensorflow-addons==0.10.0\n");
        Path env = Files.writeString(dir.resolve("environment.yml"),
                "name: x\ndependencies:\n  - python=3.7\n  - pip\n  - pip:\n    - -r file:requirements.txt\n");
        Manifest m = ManifestReader.standard().read(List.of(env), null);
        assertThat(m.hasErrors()).as("%s", m.diagnostics()).isFalse();
        assertThat(m.entries()).anySatisfy(e -> assertThat(String.valueOf(e.name())).isEqualTo("tensorflow-addons"));
        assertThat(m.diagnostics()).noneSatisfy(d -> assertThat(d.render()).contains("remote include"));
    }

    @Test
    void anAbsoluteFileUrlIsReadToo() throws Exception {
        Path other = Files.writeString(dir.resolve("base.txt"), "numpy==1.19.5\n");
        Path req = Files.writeString(dir.resolve("requirements.txt"), "-r file://" + other.toAbsolutePath() + "\n");
        Manifest m = ManifestReader.standard().read(List.of(req), null);
        assertThat(m.entries()).anySatisfy(e -> assertThat(String.valueOf(e.name())).isEqualTo("numpy"));
    }
}
