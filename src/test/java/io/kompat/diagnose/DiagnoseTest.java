package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.MatrixLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recognising real-looking tracebacks and diagnosing them from the matrix; scanning a TF1-era project. */
class DiagnoseTest {
    static final Path DIR = Path.of("src/test/resources/diagnose");
    static Diagnoser diagnoser;

    @BeforeAll
    static void load() throws Exception {
        CompatibilityMatrix m = MatrixLoader.loadBundled();
        diagnoser = new Diagnoser(m);
    }

    private static List<KnownError> parse(String file) throws IOException {
        return ErrorParser.parse(Files.readString(DIR.resolve("tracebacks").resolve(file)), diagnoser.catalog());
    }

    private static Diagnosis only(String file, String python) throws IOException {
        List<KnownError> errors = parse(file);
        assertThat(errors).hasSize(1);
        return diagnoser.diagnose(errors.get(0), new Diagnoser.Options(python, null, null));
    }

    @Test
    void chainedTracebackYieldsBothErrors() throws IOException {
        List<KnownError> errors = parse("numpy2-then-get-session.txt");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isInstanceOf(KnownError.NumpyAbi.class);
        assertThat(errors.get(1)).isEqualTo(new KnownError.MissingAttribute("keras.backend", "get_session",
                "AttributeError: module 'keras.backend' has no attribute 'get_session'"));
        Diagnosis numpy = diagnoser.diagnose(errors.get(0), new Diagnoser.Options("3.11", null, null));
        assertThat(numpy.facts()).anySatisfy(f -> assertThat(f).contains("tensorflow <2.18 breaks with numpy >=2"));
        assertThat(numpy.sources()).contains("https://github.com/tensorflow/tensorflow/releases/tag/v2.18.0");
    }

    @Test
    void getSessionNamesVersionsReplacementAndVerifiedPins() throws IOException {
        Diagnosis d = diagnoser.diagnose(parse("numpy2-then-get-session.txt").get(1), new Diagnoser.Options("3.7", null, null));
        assertThat(d.recognised()).isTrue();
        assertThat(d.facts()).anySatisfy(f -> assertThat(f).contains("present in keras").contains("2.5.0rc0-2.12.0").contains("absent in")
                .contains("2.4.0").contains("3.0.0-3.15.1"));
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).contains("tf.compat.v1.keras.backend.get_session"));
        assertThat(d.pins().requested()).anySatisfy(p -> assertThat(p).startsWith("keras=="));
        // Keras 2.12 with its TensorFlow has no wheel for Python 3.7: checked on the Python they install on, and said so.
        assertThat(d.pins().note()).startsWith("they do not install on Python 3.7 (the target); they install on Python ");
        assertThat(d.pins().target()).doesNotContain("Python 3.7 ");
        PinSets.assertHonest(d.pins());
    }

    @Test
    void python2StyleAttributeErrorIsReadFromTheCodeLine() throws IOException {
        Diagnosis d = only("py2-k-tf.txt", "3.7");
        assertThat(d.summary()).contains("keras.backend has no 'tf'");
        assertThat(d.facts()).anySatisfy(f -> assertThat(f).contains("absent in 2.2.5-2.4.0"));
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).contains("import tensorflow as tf"));
    }

    @Test
    void tensorflowOneNamesPointToCompatV1AndTensorflow115() throws IOException {
        Diagnosis d = only("tf-placeholder.txt", null);
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).contains("tensorflow.compat.v1.placeholder"));
        assertThat(d.pins().requested()).containsExactly("tensorflow==1.15.*", "protobuf<4", "h5py<3");
        PinSets.assertHonest(d.pins());
        Diagnosis session = only("tf-session.txt", "3.6");
        assertThat(session.facts()).anySatisfy(f -> assertThat(f).contains("tensorflow.Session exists up to tensorflow 1.15")
                .contains("(unverified)"));
    }

    @Test
    void kerasEngineModule() throws IOException {
        Diagnosis d = only("keras-engine.txt", "3.10");
        assertThat(d.summary()).contains("keras.engine is gone from the public keras package");
        assertThat(d.advice()).singleElement().satisfies(a -> assertThat(a).contains("keras.layers.Layer").doesNotContain("keras.src"));
        assertThat(d.pins().requested()).containsExactly("tensorflow==2.12.*", "keras==2.12.0");
        PinSets.assertHonest(d.pins());
    }

    @Test
    void noMatchingDistributionIsExplainedFromWheelAvailability() throws IOException {
        Diagnosis d = only("pip-no-distribution.txt", "3.8");
        assertThat(d.facts()).anySatisfy(f -> assertThat(f).contains("tensorflow 1.15 has wheels for Python").contains("<3.8")
                .contains("linux-x86_64"));
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).startsWith("keep tensorflow==1.15 and use Python 3.7"));
    }

    @Test
    void noMatchingDistributionWithAMarkerIsReadWholeAndExplainedForItsPlatform() throws IOException {
        List<KnownError> errors = parse("pip-no-distribution-aarch64.txt");
        assertThat(errors).singleElement().isInstanceOfSatisfying(KnownError.NoMatchingDistribution.class,
                e -> assertThat(e.requirement()).startsWith("tensorflow-cpu-aws==2.11.1; platform_system == \"Linux\""));
        Diagnosis d = diagnoser.diagnose(errors.get(0), new Diagnoser.Options("3.10", io.kompat.requirement.Platform.LINUX_AARCH64, null));
        assertThat(d.facts()).contains("tensorflow-cpu-aws 2.11.1 has wheels for Python ==3.7.* on linux-aarch64")
                .noneSatisfy(f -> assertThat(f).contains("on linux-x86_64").contains("has wheels"));
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).isEqualTo("keep tensorflow-cpu-aws==2.11.1 and use Python 3.7 on linux-aarch64"));
    }

    @Test
    void multiBackendKerasWithoutItsDefaultBackendIsExplained() throws IOException {
        Diagnosis d = only("keras-no-backend.txt", "3.7");
        assertThat(d.recognised()).isTrue();
        assertThat(d.facts()).anySatisfy(f -> assertThat(f).contains("Keras 1.1 to 2.3.1").contains("TensorFlow unless set"));
        assertThat(d.sources()).contains("https://github.com/keras-team/keras/issues/6592");
    }

    @Test
    void tfKerasBackendOfTensorflow2() throws IOException {
        Diagnosis d = only("tf-keras-get-session.txt", "3.10");
        assertThat(d.facts()).anySatisfy(f -> assertThat(f)
                .startsWith("tf.keras.backend.get_session: present in tf.keras 1.4.0-1.15.0; absent in 2.0.0-2.2.0, 2.5.0rc0-2.15.0"));
        assertThat(d.summary()).endsWith("the newest analysed release that has it is tf.keras 1.15.0");
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).contains("tf.compat.v1.keras.backend.get_session"));
    }

    @Test
    void pipsConflictMessageKeepsEachRequirementWholeAndHostileLinesStayLinear() {
        List<KnownError> errors = ErrorParser.parse("ERROR: Cannot install numpy>=1.20,<1.22, tensorflow-text==2.5.0 and tensorflow==2.4.1 "
                + "because these package versions have conflicting dependencies.\n    tensorflow 2.4.1 depends on numpy~=1.19.2");
        assertThat(errors).singleElement().isInstanceOfSatisfying(KnownError.ResolutionConflict.class,
                c -> assertThat(c.requested()).containsExactly("numpy>=1.20,<1.22", "tensorflow-text==2.5.0", "tensorflow==2.4.1"));
        // A 450 KB line of repeated pip phrases once took 81 s: lines longer than pip writes are not read for them.
        String hostile = "Cannot install ".repeat(30_000) + "(from ".repeat(30_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThat(ErrorParser.parse(hostile + "\n" + hostile)).isEmpty());
    }

    @Test
    void pipsUnmetRequirementMessagesOfBothResolversNameTheBoundThatKeepsPipInside() {
        // jaungiers/LSTM-Neural-Network-for-Time-Series-Prediction#47 (2018): the legacy resolver warned and installed.
        List<KnownError> legacy = ErrorParser.parse("tensorflow-gpu 1.10.0 has requirement numpy<=1.14.5,>=1.13.3, but you'll have numpy 1.15.0"
                + " which is incompatible.", diagnoser.catalog());
        assertThat(legacy).singleElement().isEqualTo(new KnownError.UnmetRequirement("tensorflow-gpu", "1.10.0", "numpy<=1.14.5,>=1.13.3",
                "numpy", "1.15.0", true, "tensorflow-gpu 1.10.0 has requirement numpy<=1.14.5,>=1.13.3, but you'll have numpy 1.15.0"
                        + " which is incompatible."));
        Diagnosis old = diagnoser.diagnose(legacy.get(0), new Diagnoser.Options("3.6", null, null));
        assertThat(old.recognised()).isTrue();
        assertThat(old.summary()).contains("pip before 20.3 warns and installs it anyway");
        assertThat(old.advice()).anySatisfy(a -> assertThat(a).contains("add `numpy<=1.14.5,>=1.13.3`"));
        assertThat(old.pins().requested()).containsExactly("tensorflow-gpu==1.10.0", "numpy<=1.14.5,>=1.13.3");
        // tensorflow#62825: pip's own check after keras 3 was installed over TensorFlow 2.15's keras 2.15.
        Diagnosis keras = diagnoser.diagnose(ErrorParser.parse("ERROR: pip's dependency resolver does not currently take into account all the"
                + " packages that are installed.\ntensorflow 2.15.0.post1 requires keras<2.16,>=2.15.0, but you have keras 3.0.3 which is"
                + " incompatible.", diagnoser.catalog()).get(0), new Diagnoser.Options("3.11", null, null));
        assertThat(keras.summary()).startsWith("keras 3.0.3 is installed although tensorflow 2.15.0.post1 requires keras<2.16,>=2.15.0");
        assertThat(keras.facts()).anySatisfy(f -> assertThat(f).contains("tensorflow 2.15.0.post1 declares keras<2.16,>=2.15.0"))
                .anySatisfy(f -> assertThat(f).contains("keras 3.0.3 needs tensorflow>=2.16"));
    }

    @Test
    void theTensorflowGpuStubIsRecognisedFromItsMessageOrItsArchive() {
        for (String text : List.of("The \"tensorflow-gpu\" package has been removed! Please install \"tensorflow\" instead.",
                "Collecting tensorflow-gpu\n  Using cached tensorflow-gpu-2.12.0.tar.gz (2.6 kB)\n  Preparing metadata (setup.py) ... error\n"
                        + "setuptools.extern.packaging.requirements.InvalidRequirement")) {
            List<KnownError> errors = ErrorParser.parse(text, diagnoser.catalog());
            assertThat(errors).as(text).singleElement().isInstanceOfSatisfying(KnownError.Catalogued.class,
                    c -> assertThat(c.match().entry().id()).isEqualTo("tensorflow-gpu-removed"));
            Diagnosis d = diagnoser.diagnose(errors.get(0), new Diagnoser.Options("3.10", null, null));
            assertThat(d.advice()).anySatisfy(a -> assertThat(a).contains("replace tensorflow-gpu with tensorflow"));
            assertThat(d.pins().requested()).contains("tensorflow-gpu<2.12");
        }
        // The 2.11 archive is a real build: no match.
        assertThat(ErrorParser.parse("Using cached tensorflow-gpu-2.11.0.tar.gz", diagnoser.catalog())).isEmpty();
    }

    @Test
    void unknownErrorsAreNotGuessed() throws IOException {
        assertThat(parse("unknown.txt")).isEmpty();
        assertThat(ErrorParser.parse("AttributeError: module 'frob' has no attribute 'x'"))
                .singleElement().satisfies(e -> assertThat(diagnoser.diagnose(e, new Diagnoser.Options(null, null, null)).recognised()).isFalse());
    }

    @Test
    void withTheUsersFileItExplainsThatEnvironmentAndProposesTheChange() throws IOException {
        Diagnosis d = diagnoser.diagnose(parse("numpy2-then-get-session.txt").get(1), new Diagnoser.Options("3.10", null,
                ManifestReader.standard().read(List.of(DIR.resolve("tf1-project/requirements-tf215.txt")), null)));
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).contains("keras 2.15.0").contains("tensorflow 2.15.0"));
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).contains("has no 'get_session'"));
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).contains("change to make the code work as written")
                .contains("keras ==2.15.0 -> ==2.12.0"));
    }

    @Test
    void scanOfATf1ProjectAgainstThreeEnvironments() throws IOException {
        List<SourceScanner.Use> uses = SourceScanner.scan(DIR.resolve("tf1-project"));
        assertThat(uses).extracting(SourceScanner.Use::name).contains("get_session", "set_image_dim_ordering", "placeholder",
                "get_default_graph", "engine", "clear_session", "tf", "image_dim_ordering", "variable", "softmax");
        ScanReport tf1 = scanAgainst("requirements-tf1.txt", "3.7", uses);
        assertThat(tf1.findings()).isEmpty();
        ScanReport keras3 = scanAgainst("requirements-keras3.txt", "3.12", uses);
        assertThat(keras3.findings()).extracting(f -> f.use().line() + ":" + f.use().name())
                .contains("4:engine", "5:get_session", "5:image_dim_ordering", "18:set_image_dim_ordering", "19:get_session",
                        "20:get_default_graph", "21:placeholder", "11:variable")
                .doesNotContain("22:clear_session");
        ScanReport tf215 = scanAgainst("requirements-tf215.txt", "3.11", uses);
        assertThat(tf215.findings()).extracting(f -> f.use().line() + ":" + f.use().name())
                .contains("19:get_session", "23:tf").doesNotContain("11:variable", "22:clear_session");
    }

    private static ScanReport scanAgainst(String requirements, String python, List<SourceScanner.Use> uses) {
        return diagnoser.scan(uses, new Diagnoser.Options(python, null,
                ManifestReader.standard().read(List.of(DIR.resolve("tf1-project").resolve(requirements)), null)));
    }
}
