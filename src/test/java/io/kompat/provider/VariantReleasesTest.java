package io.kompat.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.predict.Metadata;
import io.kompat.predict.Project;
import io.kompat.predict.Release;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.target.Target;
import io.kompat.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variant's listed releases carry the release metadata of the distribution they are the same build as. */
class VariantReleasesTest {
    static CompatibilityMatrix bundled;
    static final PackageName GPU = PackageName.of("tensorflow-gpu");
    static final PackageName TF = PackageName.of("tensorflow");

    @BeforeAll
    static void load() throws Exception {
        bundled = MatrixLoader.validateBundled();
    }

    static ReleaseFact fact(CompatibilityMatrix m, PackageName name, String version) {
        ReleaseFacts f = VariantReleases.of(m, name).orElseThrow(() -> new AssertionError("no variant metadata for " + name));
        return f.release(Version.parse(version)).orElseThrow(() -> new AssertionError(name + " " + version + " is not listed"));
    }

    @Test
    void aListedReleaseWithinSameAsCarriesTensorflowsMetadataOfItsVersion() {
        for (String v : List.of("1.15.0", "1.15.2", "1.15.5", "1.12.0", "2.1.0", "2.6.2", "2.11.0")) {
            ReleaseFact gpu = fact(bundled, GPU, v);
            ReleaseFact tf = bundled.releaseFacts(TF).orElseThrow().release(Version.parse(v)).orElseThrow();
            assertThat(gpu.requiresDist()).as(v).isEqualTo(tf.requiresDist());
            assertThat(gpu.requiresPython()).as(v).isEqualTo(tf.requiresPython());
            assertThat(gpu.wheels()).as(v).isEqualTo(tf.wheels());
            assertThat(gpu.unverified()).as("what is unverified for tensorflow %s stays so", v).containsAll(
                    tf.unverified().stream().filter(x -> !x.equals("on-pypi")).toList());
            assertThat(gpu.unverified()).as("the variant's own files were not read").contains("wheels");
            assertThat(gpu.citation().verified()).isFalse();
            assertThat(gpu.citation().sources()).as("cites the list that shows it, the setup.py and tensorflow's metadata")
                    .containsAll(tf.citation().sources())
                    .contains("https://github.com/tensorflow/tensorflow/blob/0048f193fdb138e451d6b734afd21d19ff538edd/tensorflow/tools/pip_package/setup.py");
            assertThat(gpu.date()).as("dates are each upload's own").isEmpty();
        }
        assertThat(fact(bundled, GPU, "1.15.2").requiresDist().orElseThrow()).extracting(Requirement::toString)
                .contains("tensorboard<1.16.0,>=1.15.0", "tensorflow-estimator==1.15.1", "keras-applications>=1.0.8");
        assertThat(fact(bundled, GPU, "1.15.2").citation().sources()).contains("https://github.com/tensorflow/tensorflow/issues/53142");
    }

    @Test
    void aReleaseOutsideSameAsHasUnknownMetadata() {
        ReleaseFact stub = fact(bundled, GPU, "2.12.0");
        assertThat(stub.requiresDist()).as("2.12.0 is outside same-as <2.12").isEmpty();
        assertThat(stub.wheels()).isEmpty();
        assertThat(stub.requiresPython()).isEmpty();
        ReleaseFact early = fact(bundled, GPU, "0.12.1");
        ReleaseFact tfEarly = bundled.releaseFacts(TF).orElseThrow().release(Version.parse("0.12.1")).orElseThrow();
        assertThat(early.requiresDist()).isEqualTo(tfEarly.requiresDist());
    }

    @Test
    void theVariantListIsItsOwnAndIncomplete() {
        ReleaseFacts gpu = VariantReleases.of(bundled, GPU).orElseThrow();
        assertThat(gpu.completeAsOf()).isEmpty();
        assertThat(gpu.release(Version.parse("1.15.1"))).as("no 1.15.1 was published").isEmpty();
        assertThat(gpu.release(Version.parse("2.11.1"))).as("tensorflow has 2.11.1, pip's list of tensorflow-gpu does not").isEmpty();
        assertThat(bundled.releaseFacts(TF).orElseThrow().release(Version.parse("2.11.1"))).isPresent();
        assertThat(VariantReleases.of(bundled, TF)).as("tensorflow is no variant").isEmpty();
        assertThat(VariantReleases.of(bundled, PackageName.of("tensorflow-cpu")).orElseThrow().release(Version.parse("2.5.1"))
                .orElseThrow().requiresDist()).isPresent();
    }

    @Test
    void theBundledCatalogOffersTensorflowGpuWithTensorflowsDependencies() {
        Project p36 = new BundledCatalog(bundled, Target.of(Version.parse("3.6"), Platform.LINUX_X86_64)).project(GPU);
        assertThat(p36).isInstanceOf(Project.Listed.class);
        Project.Listed l = (Project.Listed) p36;
        Release r = l.releases().stream().filter(x -> x.version().equals(Version.parse("1.15.5"))).findFirst().orElseThrow();
        assertThat(r.metadata().get()).isInstanceOf(Metadata.Known.class);
        assertThat(((Metadata.Known) r.metadata().get()).requiresDist()).extracting(Requirement::toString)
                .contains("tensorboard<1.16.0,>=1.15.0");
        assertThat(l.unlisted()).isInstanceOf(Project.SameBuild.class);

        Project.Listed p38 = (Project.Listed) new BundledCatalog(bundled, Target.of(Version.parse("3.8"), Platform.LINUX_X86_64)).project(GPU);
        assertThat(p38.releases()).extracting(Release::version).doesNotContain(Version.parse("1.15.5"), Version.parse("2.1.0"))
                .contains(Version.parse("2.2.0"));
        assertThat(p38.noFileForTarget()).contains(Version.parse("1.15.5"));
    }

    @Test
    void anUnlistedReleaseWithinSameAsMayExistOnlyAsAVersionTensorflowHasOrMayHave() {
        Project.Listed gpu = (Project.Listed) new BundledCatalog(bundled, Target.of(Version.parse("3.8"), Platform.LINUX_X86_64)).project(GPU);
        assertThat(gpu.mayHaveUnlisted(range("~=1.15.2"))).as("tensorflow's 1.15 series ended at 1.15.5, which the list has").isFalse();
        assertThat(gpu.mayHaveUnlisted(range("==1.15.1"))).as("no tensorflow 1.15.1 was published").isFalse();
        assertThat(gpu.mayHaveUnlisted(range("==1.15.0"))).as("listed").isFalse();
        assertThat(gpu.mayHaveUnlisted(range(">=2.6,<2.7"))).as("tensorflow has 2.6.4 and 2.6.5, pip's lists quoted here do not show them")
                .isTrue();
        assertThat(gpu.mayHaveUnlisted(range("==2.11.1"))).as("tensorflow has 2.11.1").isTrue();
        assertThat(gpu.mayHaveUnlisted(range(">=2.12"))).as("outside same-as the variant's own incomplete list decides").isTrue();
        assertThat(gpu.unlisted().mayExist(Version.parse("1.15.6"), gpu.known())).isFalse();
        assertThat(gpu.unlisted().mayExist(Version.parse("2.7.4"), gpu.known())).isTrue();
        assertThat(gpu.unlisted().mayExist(Version.parse("2.13.0"), gpu.known())).isTrue();
    }

    static io.kompat.version.range.VersionSet range(String spec) {
        return io.kompat.version.range.VersionSet.of(io.kompat.version.SpecifierSet.parse(spec));
    }

    @Test
    void withoutReleaseMetadataOfTheOtherDistributionTheVariantHasNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("variants.yaml"), """
                schema: kompat.matrix/1
                packages:
                  base:
                    summary: the base distribution
                  base-gpu:
                    summary: a variant of it
                    same-as: {package: base, versions: "<2"}
                    releases:
                      - versions: ["1.0"]
                        source: https://example.org/list
                """);
        CompatibilityMatrix m = MatrixLoader.loadDirectory(dir);
        assertThat(VariantReleases.of(m, PackageName.of("base-gpu"))).isEmpty();
        assertThat(new BundledCatalog(m, Target.of(Version.parse("3.8"), Platform.LINUX_X86_64)).project(PackageName.of("base-gpu")))
                .isInstanceOf(Project.Unknown.class);
    }
}
