package io.kompat.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.predict.PipFailure;
import io.kompat.predict.Prediction;
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

/**
 * The check use case on a small synthetic universe (src/test/resources/check/matrix): what pip would
 * install, the verdict, and fixes that are predicted again.
 */
class CheckServiceTest {
    private static CompatibilityMatrix matrix;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        matrix = MatrixLoader.loadDirectory(Path.of("src/test/resources/check/matrix"));
    }

    private CheckResult check(String requirements, String python) throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, requirements);
        Manifest m = ManifestReader.standard().read(List.of(f), null);
        CheckService service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        return service.check(new CheckRequest(m, new PythonChoice.Given(Version.parse(python)), Platform.LINUX_X86_64));
    }

    @Test
    void pipTakesTheNewestReleaseThatTheRuntimeRulesRuleOut() throws Exception {
        CheckResult r = check("kx\ntx~=1.15.2\n", "3.6");
        TargetCheck c = r.primary();
        assertThat(c.verdict()).isEqualTo(Verdict.BREAKS);
        Prediction.Installs install = (Prediction.Installs) c.prediction();
        assertThat(install.pick(io.kompat.requirement.PackageName.of("kx")).orElseThrow().display()).isEqualTo("kx 2.4.3");
        assertThat(c.breaks()).extracting(Break::rule).containsExactly("kx-2.4-imports-tx-2.2");
        assertThat(c.fixes()).isNotEmpty();
        Fix best = c.fixes().get(0);
        assertThat(best.describe()).isEqualTo("kx (any version) -> <2.4; add hx<3");
        assertThat(best.install().picks()).extracting(p -> p.display()).contains("kx 2.3.1", "hx 2.10.0", "tx 1.15.5");
    }

    @Test
    void aReleaseTheCompleteListLacksDoesNotInstall() throws Exception {
        TargetCheck c = check("tx==2.2.9\n", "3.7").primary();
        assertThat(c.verdict()).isEqualTo(Verdict.DOES_NOT_INSTALL);
        PipFailure f = ((Prediction.Fails) c.prediction()).failure();
        assertThat(f.pipMessage()).contains("No matching distribution found for tx==2.2.9");
    }

    @Test
    void noWheelForThePythonIsNoMatchingDistributionAndAnotherPythonIsOffered() throws Exception {
        TargetCheck c = check("tx==1.15.5\n", "3.8").primary();
        assertThat(c.verdict()).isEqualTo(Verdict.DOES_NOT_INSTALL);
        assertThat(c.fixes()).extracting(Fix::describe).contains("use Python 3.7");
    }

    @Test
    void aConsistentPinnedSetWorks() throws Exception {
        TargetCheck c = check("kx==2.3.1\ntx==1.15.5\nhx==2.10.0\n", "3.7").primary();
        assertThat(c.verdict()).isEqualTo(Verdict.WORKS);
        assertThat(c.assumptions()).isEmpty();
    }

    @Test
    void withoutAPythonTheNewestThatWorksIsTaken() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "kx==2.3.1\ntx==1.15.5\nhx==2.10.0\n");
        Manifest m = ManifestReader.standard().read(List.of(f), null);
        CheckService service = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        CheckResult r = service.check(new CheckRequest(m, PythonChoice.Default.none(), Platform.LINUX_X86_64));
        assertThat(r.primary().target().python()).isEqualTo(Version.parse("3.7"));
        assertThat(r.primary().verdict()).isEqualTo(Verdict.WORKS);
    }
}
