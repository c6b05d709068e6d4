package io.kompat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.check.CheckRequest;
import io.kompat.check.CheckService;
import io.kompat.check.PythonChoice;
import io.kompat.check.Verdict;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.provider.BundledCatalog;
import io.kompat.provider.CombinedCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit says what {@code check} says, file by file, and the same on one thread or several. */
class AuditVerdictTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static CompatibilityMatrix matrix;

    @BeforeAll
    static void load() throws Exception {
        matrix = MatrixLoader.loadBundled();
    }

    static List<Path> files() throws Exception {
        return Auditor.discover(List.of(Path.of("lockfiles/inputs"), Path.of("examples"), Path.of("src/test/resources/audit/project")));
    }

    @Test
    void eachRequirementsFileGetsTheVerdictOfCheck() throws Exception {
        CheckService check = new CheckService(matrix, t -> new CombinedCatalog(null, new BundledCatalog(matrix, t), null));
        AuditResult audit = new Auditor(matrix, ManifestReader.standard(), TODAY).audit(files(), f -> { });
        int seen = 0;
        for (Path f : files()) {
            Manifest m = ManifestReader.standard().read(List.of(f), null);
            if (m.hasErrors() || f.toString().endsWith(".lock")) {
                continue;
            }
            Verdict v = check.check(new CheckRequest(m, PythonChoice.Default.none(), null)).verdict();
            List<String> ids = audit.findings().stream().filter(x -> x.file().equals(f.toString()) && x.level() == Finding.Level.ERROR)
                    .map(Finding::id).toList();
            switch (v) {
                case WORKS -> assertThat(ids).as(f.toString()).isEmpty();
                case BREAKS -> assertThat(ids).as(f.toString()).containsExactly("KMP105");
                case DOES_NOT_INSTALL -> assertThat(ids).as(f.toString()).containsExactly("KMP101");
            }
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(6);
    }

    /** A release that cannot be installed at all (tensorflow-gpu 2.12's stub) is pip's failure in audit too, as in check. */
    @Test
    void anUninstallableReleaseIsKmp101(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("requirements.txt"), "tensorflow-gpu\n");
        AuditResult audit = new Auditor(matrix, ManifestReader.standard(), TODAY).audit(List.of(file), f -> { });
        assertThat(audit.findings()).filteredOn(x -> x.level() == Finding.Level.ERROR).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("KMP101");
            assertThat(x.message()).contains("pip cannot install the requirements").contains("it picks tensorflow-gpu 2.12.0, which cannot be installed");
        });
    }

    @Test
    void severalThreadsGiveTheFindingsOfOneInTheSameOrder() throws Exception {
        List<String> order = new ArrayList<>();
        AuditResult one = new Auditor(matrix, ManifestReader.standard(), TODAY).threads(1).audit(files(), order::add);
        List<String> heard = new ArrayList<>();
        AuditResult four = new Auditor(matrix, ManifestReader.standard(), TODAY).threads(4).audit(files(), heard::add);
        assertThat(four).isEqualTo(one);
        assertThat(heard).containsExactlyInAnyOrderElementsOf(order);
        assertThat(one.findings()).isNotEmpty();
    }
}
