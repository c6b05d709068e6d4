package io.kompat.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package dependency direction of DESIGN.md: version <- requirement <- manifest; matrix and index
 * use version/requirement; resolve sees the world only through its provider port; provider merges
 * matrix and index; lock/audit/report/diagnose consume results; cli depends on everything.
 */
class DependencyDirectionTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kompat");
    }

    @Test
    void layersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("version").definedBy("io.kompat.version..")
                .layer("requirement").definedBy("io.kompat.requirement..")
                .layer("manifest").definedBy("io.kompat.manifest..")
                .layer("matrix").definedBy("io.kompat.matrix..")
                .layer("index").definedBy("io.kompat.index..")
                .layer("resolve").definedBy("io.kompat.resolve..")
                .layer("provider").definedBy("io.kompat.provider..")
                .layer("lock").definedBy("io.kompat.lock..")
                .layer("audit").definedBy("io.kompat.audit..")
                .layer("report").definedBy("io.kompat.report..")
                .layer("diagnose").definedBy("io.kompat.diagnose..")
                .layer("cli").definedBy("io.kompat.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("diagnose").mayOnlyBeAccessedByLayers("cli", "report")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("cli", "report")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("lock").mayOnlyBeAccessedByLayers("cli", "audit", "report", "diagnose")
                .whereLayer("provider").mayOnlyBeAccessedByLayers("cli", "lock", "audit", "report", "diagnose")
                .whereLayer("index").mayOnlyBeAccessedByLayers("cli", "provider", "lock", "audit", "report", "diagnose")
                .whereLayer("matrix").mayOnlyBeAccessedByLayers("cli", "provider", "lock", "audit", "report", "diagnose")
                .whereLayer("resolve").mayOnlyBeAccessedByLayers("cli", "provider", "lock", "audit", "report", "diagnose")
                .whereLayer("manifest").mayOnlyBeAccessedByLayers("cli", "provider", "lock", "audit", "report", "diagnose", "resolve")
                .whereLayer("requirement").mayOnlyBeAccessedByLayers("cli", "provider", "lock", "audit", "report", "diagnose",
                        "resolve", "manifest", "matrix", "index")
                .check(classes);
    }

    @Test
    void versionDependsOnNothingElseOfKompat() {
        noClasses().that().resideInAPackage("io.kompat.version..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kompat.requirement..", "io.kompat.manifest..",
                        "io.kompat.matrix..", "io.kompat.index..", "io.kompat.resolve..", "io.kompat.provider..",
                        "io.kompat.lock..", "io.kompat.audit..", "io.kompat.report..", "io.kompat.diagnose..", "io.kompat.cli..")
                .check(classes);
    }

    @Test
    void solverDoesNoIo() {
        noClasses().that().resideInAPackage("io.kompat.resolve..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "io.kompat.index..", "java.net..", "java.nio.file..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheHttpIndexTalksHttp() {
        noClasses().that().resideOutsideOfPackage("io.kompat.index.http..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.kompat.(*)..").should().beFreeOfCycles().check(classes);
    }
}
