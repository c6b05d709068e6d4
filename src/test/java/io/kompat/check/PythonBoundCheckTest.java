package io.kompat.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import io.kompat.requirement.Platform;
import io.kompat.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's requires-python bounds the Python check chooses, and the report says so (synthetic universe). */
class PythonBoundCheckTest {
    private static CompatibilityMatrix matrix;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        matrix = MatrixLoader.loadDirectory(Path.of("src/test/resources/check/matrix"));
    }

    private CheckResult check(String requiresPython, PythonChoice python) throws Exception {
        Path f = dir.resolve("pyproject.toml");
        Files.writeString(f, "[project]\nname = \"p\"\n" + (requiresPython == null ? "" : "requires-python = \"" + requiresPython + "\"\n")
                + "dependencies = [\"tx\"]\n");
        Manifest m = ManifestReader.standard().read(List.of(f), null);
        assertThat(m.hasErrors()).isFalse();
        CheckService service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        return service.check(new CheckRequest(m, python, Platform.LINUX_X86_64));
    }

    @Test
    void theNewestWorkingPythonIsChosenInsideTheBound() throws Exception {
        TargetCheck free = check(null, PythonChoice.Default.none()).primary();
        TargetCheck bounded = check(">=3.6,<3.8", PythonChoice.Default.none()).primary();
        assertThat(free.target().pythonLine()).isEqualTo(Version.parse("3.9"));
        assertThat(bounded.target().pythonLine()).isEqualTo(Version.parse("3.7"));
        assertThat(bounded.reason()).isEqualTo("the newest Python inside the project's Python bound <3.8,>=3.6 for which the input works");
    }

    @Test
    void anInterpreterOutsideTheBoundIsPassedOverWithAWord() throws Exception {
        TargetCheck c = check(">=3.6,<3.8", new PythonChoice.Default(Version.parse("3.9.1"), "python3 on the PATH")).primary();
        assertThat(c.target().pythonLine()).isEqualTo(Version.parse("3.7"));
        assertThat(c.reason()).startsWith("the Python pip would use (python3 on the PATH) is outside the project's Python bound <3.8,>=3.6; ");
        TargetCheck inside = check(">=3.6,<3.8", new PythonChoice.Default(Version.parse("3.6.9"), "python3 on the PATH")).primary();
        assertThat(inside.target().python()).isEqualTo(Version.parse("3.6.9"));
        assertThat(inside.reason()).endsWith(", inside the project's Python bound <3.8,>=3.6");
    }

    @Test
    void everyLineMeansEveryLineInsideTheBoundAndAGivenPythonOutsideItIsNamed() throws Exception {
        CheckResult all = check(">=3.6,<3.8", new PythonChoice.All());
        assertThat(all.checks()).extracting(c -> c.target().pythonLine().toString()).containsExactly("3.7", "3.6");
        TargetCheck given = check(">=3.6,<3.8", new PythonChoice.Given(Version.parse("3.9"))).primary();
        assertThat(given.target().pythonLine()).isEqualTo(Version.parse("3.9"));
        assertThat(given.reason()).contains("outside the project's Python bound <3.8,>=3.6");
    }

    @Test
    void aPatchBoundAdmitsItsLine() {
        PythonBound b = new PythonBound(io.kompat.version.SpecifierSet.parse(">=3.8.1"));
        assertThat(b.admits(Version.parse("3.8"))).isTrue();
        assertThat(b.admits(Version.parse("3.8.0"))).isFalse();
        assertThat(b.admits(Version.parse("3.7"))).isFalse();
    }
}
