package io.kompat.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.manifest.ManifestReader;
import io.kompat.matrix.MatrixLoader;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins of the code's era, what a traceback's paths tell, and the catalog's own checks. */
class EraAndTracebackTest {
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() throws Exception {
        diagnoser = new Diagnoser(MatrixLoader.loadBundled());
    }

    private static Diagnosis diagnose(String error, List<String> environment) {
        List<KnownError> errors = ErrorParser.parse(error, diagnoser.catalog());
        assertThat(errors).hasSize(1);
        return diagnoser.diagnose(errors.get(0), new Diagnoser.Options("3.7", null,
                environment == null ? null : ManifestReader.fromRequirements("requirements.txt", environment)));
    }

    @Test
    void tfContribIsExplainedAsRemovedWithTheReleaseNotesAdviceAndATensorflow1Pin() {
        Diagnosis d = diagnose("AttributeError: module 'tensorflow' has no attribute 'contrib'", null);
        assertThat(d.summary()).isEqualTo("tensorflow.contrib was removed after tensorflow 1.15");
        assertThat(d.facts()).contains("tensorflow.contrib exists up to tensorflow 1.15; later releases do not have it");
        assertThat(d.advice()).anySatisfy(a -> assertThat(a).startsWith("tf.contrib is gone in TensorFlow 2").contains("tensorflow-addons"));
        assertThat(d.pins().requested()).contains("tensorflow==1.15.*");
    }

    @Test
    void getSessionWithKeras24InstalledStaysInTheTensorflow1EraInsteadOfJumpingToTheNewestReleaseWithTheName() {
        Diagnosis d = diagnose("AttributeError: module 'keras.backend' has no attribute 'get_session'", List.of("tensorflow==2.4.1", "keras==2.4.3"));
        // keras 2.3.1 is the newest release with the name not newer than the installed 2.4.3; under TensorFlow 2 it raises.
        assertThat(d.pins().requested()).containsExactly("keras==2.3.1", "tensorflow<2.0", "h5py<3", "protobuf<4");
        PinSets.assertHonest(d.pins());
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).contains("keras 2.4.3").contains("tensorflow 2.4.1"))
                .anySatisfy(e -> assertThat(e).contains("keras.backend there (as analysed for 2.4.0) has no 'get_session'"))
                .anySatisfy(e -> assertThat(e).startsWith("change to make the code work as written: tensorflow ==2.4.1 -> <2.0; "
                        + "keras ==2.4.3 -> ==2.3.1"));
        // Verified means what it means for pins: the install works and every release in it is known.
        assertThat(d.environment()).allSatisfy(e -> assertThat(e.contains("(verified:") && e.contains("(release unknown)")).as(e).isFalse());
    }

    @Test
    void withoutAnEnvironmentTheNewestReleaseWithTheNameIsTried() {
        Diagnosis d = diagnose("AttributeError: module 'keras.backend' has no attribute 'image_dim_ordering'", null);
        assertThat(d.pins().requested()).containsExactly("keras==2.2.4", "tensorflow<2.0", "h5py<3", "protobuf<4");
    }

    @Test
    void tensorflow1NamesWithTheUsersKerasShowTheChangeAndWhatTheCheckSaysOfIt() {
        Diagnosis d = diagnose("AttributeError: module 'tensorflow' has no attribute 'ConfigProto'", List.of("tensorflow==2.4.1", "keras==2.4.3"));
        assertThat(d.pins().requested()).containsExactly("tensorflow==1.15.*", "protobuf<4", "h5py<3");
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).contains("no longer has tensorflow.ConfigProto"))
                .anySatisfy(e -> assertThat(e).startsWith("change to make the code work as written: tensorflow ==2.4.1 -> ==1.15.*"));
    }

    @Test
    void aCatalogErrorWithTheUsersEnvironmentSaysWhetherTheRuleBehindItIsBroken() {
        Diagnosis d = diagnose("TypeError: Descriptors cannot not be created directly.", List.of("tensorflow==2.7.1", "protobuf==4.21.0"));
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).startsWith("it breaks the rule behind this error: tensorflow 2.7.1 does not "
                + "work with protobuf>=4; the install has protobuf 4.21.0 [tensorflow-protobuf4]"));
        Diagnosis elsewhere = diagnose("TypeError: Descriptors cannot not be created directly.", List.of("tensorflow==2.7.1", "protobuf==3.20.3"));
        assertThat(elsewhere.environment()).anySatisfy(e -> assertThat(e).startsWith("the predicted install does not break tensorflow-protobuf4"));
    }

    @Test
    void cudaLibraryNamesTheTensorflowBuildsOfThatCuda() {
        Diagnosis d = diagnose("Could not load dynamic library 'libcudart.so.11.0'; dlerror: libcudart.so.11.0: cannot open shared object file", null);
        assertThat(d.facts()).anySatisfy(f -> assertThat(f).startsWith("TensorFlow releases whose tested GPU build uses CUDA 11: ")
                .contains("==2.4.* (CUDA 11.0, cuDNN 8.0)").doesNotContain("CUDA 10"));
        assertThat(d.pins()).isNull();
    }

    @Test
    void cudaAndDllErrorsWithTheUsersEnvironmentNameTheCudaAndCudnnOfItsTensorflowBuild() {
        for (String error : List.of("Could not load dynamic library 'libcudart.so.11.0'; dlerror: libcudart.so.11.0: cannot open shared object file",
                "ImportError: DLL load failed: The specified module could not be found. (tensorflow pywrap)")) {
            Diagnosis d = diagnose(error, List.of("tensorflow==2.4.1"));
            assertThat(d.environment()).as(error).anySatisfy(e -> assertThat(e).isEqualTo(
                    "tensorflow 2.4.1's tested GPU build uses CUDA 11.0 and cuDNN 8.0: install those for the GPU, or a TensorFlow built for the CUDA you have"));
        }
    }

    @Test
    void eraPinsThatDoNotInstallOnTheTargetPythonSayWhichPythonTheyInstallOn() {
        // TensorFlow 2.12 has no wheel for Python 3.7: the pins are checked on the Python its wheels cover.
        Diagnosis d = diagnose("ModuleNotFoundError: No module named 'keras.engine'", null);
        assertThat(d.pins().requested()).contains("tensorflow==2.12.*", "keras==2.12.0");
        assertThat(d.pins().target()).doesNotContain("Python 3.7 ");
        assertThat(d.pins().note()).startsWith("they do not install on Python 3.7 (the target); they install on Python 3.");
    }

    @Test
    void aTracebacksPathsGiveThePythonThePackagesAndTheVersionsTheyName() {
        TracebackFacts facts = TracebackFacts.read("""
                  File "/home/u/.venv/lib/python3.7/site-packages/keras-2.3.1-py3.7.egg/keras/engine/saving.py", line 1, in load
                  File "/home/u/.venv/lib/python3.7/site-packages/h5py-3.1.0.dist-info/x.py", line 2, in y
                  File "C:\\Python36\\lib\\site-packages\\tensorflow_core\\python\\keras\\saving\\hdf5_format.py", line 3, in z
                  File "/usr/lib/python3/dist-packages/google/protobuf/descriptor.py", line 4, in w
                AttributeError: 'str' object has no attribute 'decode'
                """);
        assertThat(facts.python()).isEqualTo("3.7");
        assertThat(facts.packages()).extracting(PackageName::value).containsExactly("keras", "h5py", "tensorflow");
        assertThat(facts.versions()).containsExactlyInAnyOrderEntriesOf(Map.of(PackageName.of("keras"), Version.parse("2.3.1"),
                PackageName.of("h5py"), Version.parse("3.1.0")));
        Diagnoser.Options options = Diagnoser.withTraceback(new Diagnoser.Options(null, null, null), facts);
        assertThat(options.python()).isEqualTo("3.7");
        assertThat(options.environment().entries()).extracting(e -> e.text()).containsExactly("keras==2.3.1", "h5py==3.1.0");
        assertThat(TracebackFacts.read("ValueError: x").isEmpty()).isTrue();
    }

    @Test
    void theEnvironmentATracebackNamesIsCheckedAgainstTheRuleBehindTheError() {
        String traceback = """
                  File "/home/u/.venv/lib/python3.7/site-packages/keras-2.3.1-py3.7.egg/keras/engine/saving.py", line 1, in load
                  File "/home/u/.venv/lib/python3.7/site-packages/h5py-3.1.0-py3.7-linux-x86_64.egg/h5py/_hl/attrs.py", line 2, in y
                AttributeError: 'str' object has no attribute 'decode'
                """;
        Diagnoser.Options options = Diagnoser.withTraceback(new Diagnoser.Options(null, null, null), TracebackFacts.read(traceback));
        Diagnosis d = diagnoser.diagnose(ErrorParser.parse(traceback, diagnoser.catalog()).get(0), options);
        assertThat(d.environment()).anySatisfy(e -> assertThat(e).startsWith("it breaks the rule behind this error: keras 2.3.1 does not work "
                + "with h5py>=3; the install has h5py 3.1.0 [keras-h5py3]"));
    }

    @Test
    void aGenericLineInATracebackWithoutItsContextIsNotClaimed() {
        String sklearn = """
                  File "/opt/lib/python3.8/site-packages/sklearn/linear_model/_logistic.py", line 9, in _check_optimize_result
                    result.message.decode("latin1")
                AttributeError: 'str' object has no attribute 'decode'
                """;
        assertThat(ErrorParser.parse(sklearn, diagnoser.catalog())).isEmpty();
        assertThat(ErrorParser.parse("AttributeError: 'str' object has no attribute 'decode'", diagnoser.catalog())).hasSize(1);
    }

    @Test
    void everyRuleTheCatalogNamesExistsAndEverySourceIsAnAddress() throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        MatrixLoader.loadBundled().rules().forEach(r -> ids.add(r.id()));
        ErrorCatalog catalog = ErrorCatalog.bundled();
        assertThat(catalog.entries()).hasSizeGreaterThanOrEqualTo(14);
        for (ErrorCatalog.Entry e : catalog.entries()) {
            assertThat(ids).as(e.id()).containsAll(e.rules());
            assertThat(e.sources()).as(e.id()).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("https://github.com/"));
            assertThat(e.replacement() == null ? "" : e.replacement()).as(e.id()).doesNotContainPattern("(from|use) keras\\.src\\.");
        }
    }

    @Test
    void aCatalogPatternThatDoesNotCompileIsABadMatrixNotACrash() {
        assertThatThrownBy(() -> ErrorCatalog.parse("errors:\n  - id: x\n    match: ['(unclosed']\n", "errors.yaml"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("errors.yaml: error 'x': pattern does not compile");
    }

    @Test
    void raisingCallsApplyOnlyWhereTheirVersionsAndBackendHold() throws IOException {
        ErrorCatalog.RaisingCall call = ErrorCatalog.bundled().raises().get(0);
        PackageName keras = PackageName.of("keras");
        PackageName tf = PackageName.of("tensorflow");
        assertThat(call.raises("get_session", Map.of(keras, Version.parse("2.3.1"), tf, Version.parse("2.0.0")))).isTrue();
        assertThat(call.raises("get_session", Map.of(keras, Version.parse("2.3.1"), tf, Version.parse("1.15.5")))).isFalse();
        assertThat(call.raises("get_session", Map.of(keras, Version.parse("2.2.5"), tf, Version.parse("2.0.0")))).isFalse();
        assertThat(call.raises("get_session", Map.of(keras, Version.parse("2.3.1")))).isFalse();
        assertThat(call.raises("clear_session", Map.of(keras, Version.parse("2.3.1"), tf, Version.parse("2.0.0")))).isFalse();
    }
}
