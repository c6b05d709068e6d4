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
 * The layers of docs/architecture.md, each using only those below it: version <- requirement <- target/origin
 * <- {manifest, matrix, index} <- {resolve, predict} <- provider <- check <- {lock, audit, diagnose} <- report
 * <- cli. The jobs reach the providers only through check; renderers never reach an index.
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
                .layer("target").definedBy("io.kompat.target..", "io.kompat.origin..")
                .layer("manifest").definedBy("io.kompat.manifest..")
                .layer("matrix").definedBy("io.kompat.matrix..")
                .layer("index").definedBy("io.kompat.index..")
                .layer("resolve").definedBy("io.kompat.resolve..")
                .layer("predict").definedBy("io.kompat.predict..")
                .layer("provider").definedBy("io.kompat.provider..")
                .layer("check").definedBy("io.kompat.check..")
                .layer("jobs").definedBy("io.kompat.lock..", "io.kompat.audit..", "io.kompat.diagnose..")
                .layer("report").definedBy("io.kompat.report..")
                .layer("cli").definedBy("io.kompat.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("jobs", "report", "cli")
                .whereLayer("provider").mayOnlyBeAccessedByLayers("check", "cli")
                .whereLayer("predict").mayOnlyBeAccessedByLayers("provider", "check", "jobs", "report", "cli")
                .whereLayer("resolve").mayOnlyBeAccessedByLayers("provider", "check", "jobs", "report", "cli")
                .whereLayer("index").mayOnlyBeAccessedByLayers("provider", "check", "jobs", "cli")
                .whereLayer("matrix").mayOnlyBeAccessedByLayers("provider", "check", "jobs", "report", "cli")
                .whereLayer("manifest").mayOnlyBeAccessedByLayers("provider", "check", "jobs", "report", "cli")
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
    void theIndexPortKnowsNoAdapter() {
        noClasses().that().resideInAPackage("io.kompat.index")
                .should().dependOnClassesThat().resideInAPackage("io.kompat.index.http..")
                .check(classes);
    }

    @Test
    void noOneOutsideTheHttpAdapterNamesItsIndexType() {
        // Callers reach remote indexes through the PackageIndex port, never by downcasting; only the composition root
        // (the command line's source options) opens them, with HttpIndex.opener.
        noClasses().that().resideOutsideOfPackage("io.kompat.index.http..").and().doNotHaveFullyQualifiedName("io.kompat.cli.SourceOptions")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.kompat.index.http.HttpIndex")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.kompat.index.http.PypiJsonApi")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.kompat.(*)..").should().beFreeOfCycles().check(classes);
    }
}
