package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `pip list` table saved as requirements.txt is one located error with the way out, not one error per row. */
class PipListTableTest {
    @TempDir
    Path dir;

    @Test
    void aPipListTableIsOneErrorWithAHint() throws Exception {
        Path file = Files.writeString(dir.resolve("requirements.txt"), "Package    Version\n---------- -------\nnumpy      1.19.5\ntensorflow 2.4.0\n");
        Manifest m = ManifestReader.standard().read(List.of(file), null);
        assertThat(m.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement().satisfies(d -> {
            assertThat(d.render()).contains("requirements.txt:1:1: error: this is the table `pip list` prints").contains("pip freeze");
        });
    }

    @Test
    void aRequirementNamedPackageIsStillARequirement() throws Exception {
        // Only the header followed by its dashes is the table; a project named "package" pinned on a line is not.
        Path file = Files.writeString(dir.resolve("requirements.txt"), "package==1.0\nnumpy==1.19.5\n");
        Manifest m = ManifestReader.standard().read(List.of(file), null);
        assertThat(m.hasErrors()).isFalse();
        assertThat(m.entries()).hasSize(2);
    }
}
