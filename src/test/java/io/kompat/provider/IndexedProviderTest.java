package io.kompat.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.http.HttpFetcher;
import io.kompat.index.http.HttpSettings;
import io.kompat.index.http.Netrc;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import io.kompat.report.CheckTextReport;
import io.kompat.requirement.PackageName;
import io.kompat.testing.FakeIndex;
import io.kompat.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix and a package index together: index facts join the matrix's, partial sources do not invent conflicts. */
class IndexedProviderTest {
    static CompatibilityMatrix matrix;
    @TempDir
    Path work;

    @BeforeAll
    static void load() throws Exception {
        matrix = MatrixLoader.loadBundled();
    }

    Manifest manifest(String text) throws IOException {
        Path f = work.resolve("requirements.txt");
        Files.writeString(f, text);
        return ManifestReader.standard().read(List.of(f), null);
    }

    CheckResult check(String requirements, String python, String indexUrl) throws IOException {
        try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(work.resolve("cache"), false), Netrc.EMPTY, w -> { })) {
            IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(indexUrl), List.of(), http);
            return new Checker(matrix, sources).check(manifest(requirements), new Checker.Options(python, null));
        }
    }

    @Test
    void indexReleasesAreCandidatesWithinTheMatrixRules() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            for (String v : List.of("1.16.6", "1.18.5", "1.21.6")) {
                index.release("numpy", "numpy-" + v + "-cp37-cp37m-manylinux2010_x86_64.whl", ">=3.5");
            }
            index.release("numpy", "numpy-2.0.0-cp39-cp39-manylinux_2_17_x86_64.whl", ">=3.9");
            index.release("six", "six-1.16.0-py2.py3-none-any.whl", null);
            index.release("protobuf", "protobuf-3.20.3-cp37-cp37m-manylinux_2_5_x86_64.manylinux1_x86_64.whl", ">=3.7");
            index.release("keras-applications", "Keras_Applications-1.0.8-py3-none-any.whl", null, "numpy (>=1.9.1)", "h5py");
            index.release("keras-preprocessing", "Keras_Preprocessing-1.1.2-py2.py3-none-any.whl", null, "numpy (>=1.9.1)", "six (>=1.9.0)");
            index.release("h5py", "h5py-2.10.0-cp37-cp37m-manylinux1_x86_64.whl", null, "numpy (>=1.7)", "six");
            index.release("keras", "Keras-2.3.1-py2.py3-none-any.whl", null, "numpy (>=1.9.1)", "six (>=1.9.0)", "h5py",
                    "pywin32 ; sys_platform == 'win32'", "pytest ; extra == 'tests'");
            // The rest of what TensorFlow 1.15 declares, one release each.
            for (String f : List.of("absl_py-1.0.0-py3-none-any.whl", "astor-0.8.1-py2.py3-none-any.whl", "gast-0.2.2-py3-none-any.whl",
                    "google_pasta-0.2.0-py3-none-any.whl", "opt_einsum-3.3.0-py3-none-any.whl", "tensorboard-1.15.0-py3-none-any.whl",
                    "tensorflow_estimator-1.15.1-py2.py3-none-any.whl", "termcolor-1.1.0-py3-none-any.whl", "wrapt-1.12.1-py3-none-any.whl",
                    "grpcio-1.24.3-cp37-cp37m-manylinux2010_x86_64.whl", "wheel-0.37.1-py2.py3-none-any.whl")) {
                index.release(f.substring(0, f.indexOf('-')).replace('_', '-'), f, null);
            }
            CheckResult r = check("tensorflow==1.15.5\nkeras==2.3.1\nnumpy\n", "3.7", index.url());
            assertThat(r.consistent()).as(CheckTextReport.render(r)).isTrue();
            // 1.21.6 is the newest installable on Python 3.7, and TF 1.15 declares numpy<2.0 (no cap below 1.19).
            assertThat(r.resolution().versions()).containsEntry(PackageName.of("numpy"), Version.parse("1.21.6"))
                    .containsEntry(PackageName.of("six"), Version.parse("1.16.0"))
                    .containsEntry(PackageName.of("h5py"), Version.parse("2.10.0"))
                    .doesNotContainKeys(PackageName.of("pywin32"), PackageName.of("pytest"));
            assertThat(r.resolution().unverified()).doesNotContainKeys(PackageName.of("numpy"), PackageName.of("six"));
        }
    }

    @Test
    void aProjectTheRemoteIndexDoesNotHaveCannotBeInstalled() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("six", "six-1.16.0-py2.py3-none-any.whl", null);
            CheckResult r = check("six\nnot-on-this-index\n", "3.11", index.url());
            assertThat(r.consistent()).isFalse();
            assertThat(CheckTextReport.render(r)).contains("the index has no project not-on-this-index");
        }
    }

    @Test
    void aRemoteIndexWithoutAWheelForTheTargetIsAnExplainedConflict() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("oldpkg", "oldpkg-1.0-cp36-cp36m-manylinux1_x86_64.whl", null);
            CheckResult r = check("oldpkg==1.0\n", "3.8", index.url());
            assertThat(r.consistent()).isFalse();
            assertThat(CheckTextReport.render(r)).contains("oldpkg").contains("index");
            CheckResult ok = check("oldpkg==1.0\n", "3.6", index.url());
            assertThat(ok.consistent()).as(CheckTextReport.render(ok)).isTrue();
        }
    }

    @Test
    void requiresPythonFromTheIndexBindsThePythonChoice() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("newpkg", "newpkg-3.0-py3-none-any.whl", ">=3.10");
            index.release("newpkg", "newpkg-2.0-py3-none-any.whl", ">=3.6");
            CheckResult r = check("newpkg\n", "3.8", index.url());
            assertThat(r.consistent()).isTrue();
            assertThat(r.resolution().versions()).containsEntry(PackageName.of("newpkg"), Version.parse("2.0"));
        }
    }

    @Test
    void aReleaseWithOnlyAnSdistIsUnverifiedNotTrusted() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("sdistonly", "sdistonly-1.0.tar.gz", null);
            CheckResult r = check("sdistonly\n", "3.11", index.url());
            assertThat(r.consistent()).isTrue();
            assertThat(r.resolution().unverified()).containsKey(PackageName.of("sdistonly"));
            assertThat(r.resolution().unverified().get(PackageName.of("sdistonly"))).contains("only a source distribution");
        }
    }

    @Test
    void wheelsOfOneReleaseThatDisagreeAreNoted() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            String[] deps = {"numpy<2.0.0,>=1.23.5", "keras<2.16,>=2.15.0", "protobuf<5.0.0dev,>=3.20.3", "h5py>=2.9.0",
                "tensorboard<2.16,>=2.15", "ml-dtypes~=0.2.0"};
            index.release("tensorflow", "tensorflow-2.15.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", ">=3.9", deps);
            index.release("tensorflow", "tensorflow-2.15.0-cp311-cp311-win_amd64.whl", ">=3.9", "tensorflow-intel==2.15.0");
            for (String f : List.of("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl", "keras-2.15.0-py3-none-any.whl",
                    "protobuf-4.25.1-py3-none-any.whl", "h5py-3.10.0-cp311-cp311-manylinux_2_17_x86_64.whl", "tensorboard-2.15.1-py3-none-any.whl",
                    "ml_dtypes-0.2.0-cp311-cp311-manylinux_2_17_x86_64.whl")) {
                index.release(f.substring(0, f.indexOf('-')).replace('_', '-'), f, null);
            }
            CheckResult r = check("tensorflow==2.15.0\n", "3.11", index.url());
            assertThat(r.consistent()).as(CheckTextReport.render(r)).isTrue();
            assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                    .startsWith("tensorflow 2.15.0: its wheels do not all declare the same dependencies: tensorflow-2.15.0-cp311-cp311-win_amd64.whl adds "
                            + "tensorflow-intel==2.15.0 and lacks ")
                    .endsWith("kompat used tensorflow-2.15.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl, the wheel for Python 3.11 on linux-x86_64"));
            assertThat(r.resolution().versions()).doesNotContainKey(PackageName.of("tensorflow-intel"));
        }
    }

    @Test
    void aPartialLocalMirrorIsNotAConflict() throws Exception {
        Path simple = work.resolve("simple/keras");
        Files.createDirectories(simple);
        Files.writeString(simple.resolve("index.html"), "<a href=\"../../f/keras-3.15.1-py3-none-any.whl\">keras-3.15.1-py3-none-any.whl</a>");
        IndexSources sources = IndexSources.of(PipConfig.NONE, List.of(work.resolve("simple").toUri().toString()), List.of(), null);
        CheckResult r = new Checker(matrix, sources).check(manifest("keras==2.2.4\ntensorflow==1.15.5\nsomething-unknown==1.2.3\n"),
                new Checker.Options("3.7", null));
        assertThat(r.consistent()).as(CheckTextReport.render(r)).isTrue();
        assertThat(r.resolution().versions()).containsEntry(PackageName.of("keras"), Version.parse("2.2.4"));
        assertThat(r.unchecked()).extracting(CheckResult.Unchecked::name).contains("something-unknown");
    }

    @Test
    void dependenciesArePrefetchedInParallel() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            List<String> roots = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                index.release("p" + i, "p" + i + "-1.0-py3-none-any.whl", null, "q" + i + "a", "q" + i + "b");
                index.release("q" + i + "a", "q" + i + "a-1.0-py3-none-any.whl", null);
                index.release("q" + i + "b", "q" + i + "b-1.0-py3-none-any.whl", null);
                roots.add("p" + i);
            }
            index.latency(100);
            long start = System.nanoTime();
            CheckResult r = check(String.join("\n", roots) + "\n", "3.11", index.url());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.consistent()).isTrue();
            assertThat(r.resolution().versions()).hasSize(31);
            assertThat(index.requestCount()).as("30 pages and 30 metadata files, each once").isEqualTo(60);
            assertThat(index.peakInFlight()).as("requests in flight at once (10 roots at least)").isGreaterThanOrEqualTo(10);
            System.out.printf("30 packages, depth 2, 100 ms per request: resolved in %d ms (serial would be >= 6000 ms)%n", millis);
        }
    }
}
