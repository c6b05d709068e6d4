package io.kompat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.requirement.PackageName;
import io.kompat.requirement.Platform;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled kompat.releases/1 files (releases-*.yaml), loaded with schema validation, against facts quoted from the release tags. */
class BundledReleaseFactsTest {
    static CompatibilityMatrix matrix;

    @BeforeAll
    static void load() throws MatrixException {
        matrix = MatrixLoader.validateBundled();
    }

    static ReleaseFact release(String pkg, String version) {
        ReleaseFacts facts = matrix.releaseFacts(PackageName.of(pkg)).orElseThrow(() -> new AssertionError("no releases file for " + pkg));
        return facts.release(Version.parse(version)).orElseThrow(() -> new AssertionError(pkg + " " + version + " is not listed"));
    }

    static List<String> requiresDist(ReleaseFact r) {
        return r.requiresDist().orElseThrow().stream().map(Requirement::toString).toList();
    }

    @Test
    void everyPackageWithAReleasesFileLoads() {
        assertThat(matrix.allReleaseFacts()).extracting(f -> f.name().value())
                .contains("keras", "tf-keras", "theano", "numpy", "h5py", "scipy", "protobuf", "tensorboard", "tensorflow-estimator",
                        "keras-preprocessing", "keras-applications", "ml-dtypes", "opt-einsum", "jax", "jaxlib");
        for (ReleaseFacts f : matrix.allReleaseFacts()) {
            assertThat(f.releases()).as(f.name().value()).isNotEmpty();
            assertThat(matrix.packageInfo(f.name())).as("the releases file lists the releases of %s", f.name()).isPresent();
        }
    }

    @Test
    void numpyWheelsFollowTheReleaseNotes() {
        WheelFacts w = release("numpy", "1.19.5").wheels().orElseThrow();
        assertThat(w.installsOn(Version.parse("3.9"), Platform.LINUX_X86_64)).isTrue();
        assertThat(w.installsOn(Version.parse("3.10"), Platform.LINUX_X86_64)).as("numpy 1.19.5 has no cp310 wheel").isFalse();
        assertThat(release("numpy", "1.21.3").wheels().orElseThrow().installsOn(Version.parse("3.10"), Platform.LINUX_X86_64)).isTrue();
        assertThat(release("numpy", "1.19.5").requiresPython().orElseThrow().contains(Version.parse("3.5"), true)).isFalse();
        assertThat(release("numpy", "2.0.0").requiresDist()).contains(List.of());
    }

    @Test
    void h5pyThreeExistsFromItsTagDate() {
        assertThat(release("h5py", "3.0.0").date()).contains(LocalDate.parse("2020-10-30"));
        assertThat(release("h5py", "2.10.0").date().orElseThrow()).isBefore(LocalDate.parse("2020-10-30"));
        assertThat(requiresDist(release("h5py", "2.10.0"))).containsExactly("numpy>=1.7", "six");
        assertThat(requiresDist(release("h5py", "3.1.0"))).contains("cached-property; python_version < \"3.8\"");
    }

    @Test
    void kerasMetadataIsQuotedFromItsTags() {
        assertThat(requiresDist(release("keras", "2.2.4")).stream().filter(r -> !r.contains("extra ==")))
                .containsExactly("numpy>=1.9.1", "scipy>=0.14", "six>=1.9.0", "pyyaml", "h5py", "keras_applications>=1.0.6", "keras_preprocessing>=1.0.5");
        assertThat(requiresDist(release("keras", "2.2.4"))).contains("pydot>=1.2.4; extra == \"visualize\"");
        assertThat(requiresDist(release("keras", "2.0.5"))).contains("theano");
        assertThat(requiresDist(release("keras", "2.0.0"))).contains("tensorflow");
        assertThat(requiresDist(release("keras", "2.4.1"))).contains("tensorflow");
        assertThat(requiresDist(release("keras", "2.4.3"))).noneMatch(r -> r.startsWith("tensorflow"));
        assertThat(release("keras", "2.6.0rc0").version().isPrerelease()).isTrue();
        assertThat(release("keras", "3.13.0").requiresPython().orElseThrow().contains(Version.parse("3.10"), true)).isFalse();
        assertThat(release("keras", "3.7.0").sources().get("requires-dist")).contains("https://github.com/keras-team/keras/blob/v3.7.0/pyproject.toml");
        assertThat(release("keras", "3.0.0").sources().get("requires-dist")).contains("https://github.com/keras-team/keras/blob/v3.0.0/setup.py");
    }

    @Test
    void tfKerasPairsWithItsOwnTensorflowMinor() {
        int checked = 0;
        for (ReleaseFact r : matrix.releaseFacts(PackageName.of("tf-keras")).orElseThrow().releases()) {
            if (r.requiresDist().isEmpty() || r.version().compareTo(Version.parse("2.16")) < 0) {
                continue;
            }
            List<String> parts = List.of(r.version().toString().split("\\."));
            int minor = Integer.parseInt(parts.get(1));
            Requirement tf = r.requiresDist().orElseThrow().get(0);
            assertThat(tf.name().value()).isEqualTo("tensorflow");
            assertThat(tf.specifiers().contains(Version.parse("2." + minor + ".0"), false)).as("tf-keras %s", r.version()).isTrue();
            assertThat(tf.specifiers().contains(Version.parse("2." + (minor + 1) + ".0"), false)).as("tf-keras %s", r.version()).isFalse();
            assertThat(tf.specifiers().contains(Version.parse("2." + (minor - 1) + ".9"), false)).as("tf-keras %s", r.version()).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
        assertThat(release("tf-keras", "2.15.0").requiresDist()).contains(List.of());
    }

    @Test
    void tensorflowCompanionsAreQuotedFromTheirTags() {
        assertThat(requiresDist(release("tensorboard", "2.10.0"))).contains("protobuf<3.20,>=3.9.2");
        assertThat(requiresDist(release("tensorboard", "2.16.0"))).contains("tf-keras>=2.15.0");
        assertThat(requiresDist(release("tensorboard", "2.16.2"))).noneMatch(r -> r.startsWith("tf-keras"));
        assertThat(release("protobuf", "3.20.3").requiresPython().orElseThrow().contains(Version.parse("3.6"), true)).isFalse();
        assertThat(requiresDist(release("protobuf", "3.6.1"))).containsExactly("six>=1.9", "setuptools");
        assertThat(matrix.releaseFacts(PackageName.of("protobuf")).orElseThrow().release(Version.parse("3.20.0")))
                .as("v3.20.0's python/google/protobuf/__init__.py says 3.20.0rc2: not listed").isEmpty();
        assertThat(release("protobuf", "4.21.0").date()).contains(LocalDate.parse("2022-05-25"));
        assertThat(requiresDist(release("jax", "0.4.30"))).contains("jaxlib<=0.4.30,>=0.4.27");
        assertThat(requiresDist(release("jax", "0.4.20"))).noneMatch(r -> r.startsWith("jaxlib"));
        assertThat(requiresDist(release("jaxlib", "0.4.30"))).contains("ml_dtypes>=0.2.0");
        assertThat(release("ml-dtypes", "0.3.1").requiresPython().orElseThrow().contains(Version.parse("3.8"), true)).isFalse();
        assertThat(requiresDist(release("keras-preprocessing", "1.1.2"))).containsExactly("numpy>=1.9.1", "six>=1.9.0");
        assertThat(requiresDist(release("keras-applications", "1.0.8"))).containsExactly("numpy>=1.9.1", "h5py");
        assertThat(requiresDist(release("opt-einsum", "3.3.0"))).containsExactly("numpy>=1.7");
        assertThat(release("tensorflow-estimator", "2.15.0").requiresPython()).isPresent();
    }

    @Test
    void tensorflowInstallerWheelsPinTheirCollaboratorBuildOfTheSameVersion() {
        // Windows 2.11-2.18: tensorflow-intel (tensorflow#75415 quotes the 2.15.1 Windows wheel's METADATA:
        // 'Requires-Dist: tensorflow-intel ==2.15.1 ; platform_system == "Windows"'); Linux aarch64 2.10-2.15:
        // tensorflow-cpu-aws (pip quotes 'tensorflow-cpu-aws==2.11.1; platform_system == "Linux" and (platform_machine
        // == "arm64" or platform_machine == "aarch64")' in tensorflow#60204).
        String aws = "; platform_system == \"Linux\" and (platform_machine == \"arm64\" or platform_machine == \"aarch64\")";
        assertThat(requiresDist(release("tensorflow", "2.12.0"))).contains("tensorflow-intel==2.12.0; platform_system == \"Windows\"",
                "tensorflow-cpu-aws==2.12.0" + aws);
        assertThat(requiresDist(release("tensorflow", "2.13.1"))).as("each release of a group pins its own version")
                .contains("tensorflow-intel==2.13.1; platform_system == \"Windows\"").doesNotContain("tensorflow-intel==2.13.0; platform_system == \"Windows\"");
        assertThat(requiresDist(release("tensorflow", "2.11.1"))).contains("tensorflow-cpu-aws==2.11.1" + aws);
        assertThat(requiresDist(release("tensorflow", "2.10.1"))).as("the Windows wheel of 2.10 is Google's full build")
                .contains("tensorflow-cpu-aws==2.10.1" + aws).noneMatch(r -> r.startsWith("tensorflow-intel"));
        assertThat(requiresDist(release("tensorflow", "2.16.1"))).as("2.16 on Linux aarch64 is Google's build (tensorflow#63585)")
                .contains("tensorflow-intel==2.16.1; platform_system == \"Windows\"").noneMatch(r -> r.startsWith("tensorflow-cpu-aws"));
        assertThat(requiresDist(release("tensorflow", "2.19.0"))).as("2.19's Windows wheel is the full build (tensorflow#94854)")
                .noneMatch(r -> r.startsWith("tensorflow-intel") || r.startsWith("tensorflow-cpu-aws"));
        WheelFacts aws2111 = release("tensorflow-cpu-aws", "2.11.1").wheels().orElseThrow();
        assertThat(aws2111.installsOn(Version.parse("3.7"), Platform.LINUX_AARCH64)).isTrue();
        assertThat(aws2111.installsOn(Version.parse("3.10"), Platform.LINUX_AARCH64)).as("a Python 3.7 wheel only (tensorflow#60204)").isFalse();
        assertThat(release("tensorflow-cpu-aws", "2.12.0").wheels().orElseThrow().installsOn(Version.parse("3.10"), Platform.LINUX_X86_64)).isFalse();
        assertThat(release("tensorflow-intel", "2.18.0").wheels().orElseThrow().installsOn(Version.parse("3.12"), Platform.WINDOWS_AMD64)).isTrue();
    }

    @Test
    void theanoListsItsPreReleases() {
        assertThat(requiresDist(release("theano", "1.0.5"))).containsExactly("numpy>=1.9.1", "scipy>=0.14", "six>=1.9.0");
        assertThat(release("theano", "0.9.0b1").date()).contains(LocalDate.parse("2017-01-25"));
        assertThat(release("theano", "0.6rc3").requiresDist()).isPresent();
    }

    @Test
    void everySourceIsPinnedToATagOrCommitOrAReleasePage() {
        for (ReleaseFacts f : matrix.allReleaseFacts()) {
            for (ReleaseFact r : f.releases()) {
                r.sources().forEach((facet, urls) -> urls.forEach(url -> {
                    if (facet.equals("dates")) {
                        assertThat(url).startsWith("git ");
                    } else {
                        assertThat(SourcePolicy.pinned(url)).as("%s %s %s: %s is pinned", f.name(), r.version(), facet, url).isTrue();
                        assertThat(SourcePolicy.lead(url)).as("%s %s %s: %s is a lead", f.name(), r.version(), facet, url).isNull();
                    }
                }));
            }
        }
    }
}
