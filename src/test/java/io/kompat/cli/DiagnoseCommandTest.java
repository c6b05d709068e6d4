package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kompat diagnose} end to end: the classic Keras 2.4 scenario, calls that raise under TensorFlow 2,
 * environments pip cannot install (never an all-clear), tracebacks from a file or standard input, and
 * whole-message goldens of five real errors. Regenerate the goldens with
 * {@code ./mvnw test -Dtest=DiagnoseCommandTest -Dkompat.golden.update=true} and review the diff.
 */
class DiagnoseCommandTest {
    private static final Path DIR = Path.of("src/test/resources/diagnose");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void namesAndSubmodulesOfKerasModulesAreRecognisedFromTheModuleTables() {
        CliTest.Run adam = run("diagnose", "--error", "ImportError: cannot import name 'Adam' from 'keras.optimizers' (/venv/keras/optimizers.py)");
        assertThat(adam.code()).as(adam.out()).isEqualTo(ExitCode.OK);
        assertThat(adam.out()).contains("keras.optimizers.Adam: present in keras 1.0.0-1.2.2, 2.0.0-2.3.1, 2.9.0-")
                .contains("absent in 2.6.0-2.8.0").doesNotContain("does not recognise");
        CliTest.Run core = run("diagnose", "--error", "ModuleNotFoundError: No module named 'keras.layers.core'");
        assertThat(core.out()).contains("keras.layers.core: present in keras 1.0.0-1.2.2, 2.0.0-2.3.1, 2.6.0-2.12.0; absent in 2.13.1-")
                .contains("keras==2.12.0").doesNotContain("does not recognise");
        CliTest.Run norm = run("diagnose", "--error", "ImportError: cannot import name 'LayerNormalization' from 'keras.layers.normalization'");
        assertThat(norm.out()).contains("from keras.layers import LayerNormalization (keras releases that have it there: 2.6.0-");
        CliTest.Run experimental = run("diagnose", "--error", "ModuleNotFoundError: No module named 'tensorflow.keras.layers.experimental.preprocessing'");
        assertThat(experimental.out()).contains("tf.keras.layers.experimental.preprocessing: present in keras 2.6.0-2.15.0; absent in 3.3.0-")
                .contains("keras==2.15.0, tensorflow<2.16,>=2.15").doesNotContain("from tensorflow.keras import preprocessing");
        // nsfw_model: 'experimental' of mixed_precision is a submodule; tf.keras.experimental is another module.
        CliTest.Run mixed = run("diagnose", "--error", "ImportError: cannot import name 'experimental' from 'tensorflow.keras.mixed_precision'");
        assertThat(mixed.out()).contains("present in keras 2.6.0-2.8.0").doesNotContain("from tensorflow.keras import experimental");
    }

    @Test
    void asOfKeepsTheAnswerInTheErrorsEra() {
        String error = "AttributeError: module 'keras.backend' has no attribute 'get_session'";
        CliTest.Run today = run("diagnose", "--error", error);
        assertThat(today.out()).contains("the newest analysed release that has it is keras 2.12.0");
        // keras 2.12.0 came out in 2023 and Python 3.9+ after mid-2020: neither is an answer for an error of June 2020.
        CliTest.Run then = run("diagnose", "--error", error, "--as-of", "2020-06-01");
        assertThat(then.out()).doesNotContain("keras 2.12.0").doesNotContain("Python 3.13").doesNotContain("Python 3.9");
        assertThat(run("diagnose", "--error", error, "--as-of", "2020-13-01").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void classicScenarioNamesBothCallsTheReleasesThatHaveThemTheReplacementsAndPinsOfTheCodesEra() throws Exception {
        String project = DIR.resolve("classic/project").toString();
        String requirements = DIR.resolve("classic/requirements.txt").toString();
        CliTest.Run text = run("diagnose", "--scan", project, requirements);
        assertThat(text.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(text.out())
                .contains("what pip would install on ").contains("keras 2.4.3, ").contains("tensorflow 2.4.1.")
                .contains("model.py:5: keras.backend of keras 2.4.3 has no 'get_session' (keras releases that have it: 1.0.0, 1.2.2, 2.0.0-2.3.1")
                .contains("model.py:6: keras.backend of keras 2.4.3 has no 'image_dim_ordering' (keras releases that have it: 1.2.2, 2.0.0-2.2.4)")
                .contains("replacement: with TensorFlow 2, call tf.compat.v1.keras.backend.get_session()")
                .contains("replacement: image_data_format() / set_image_data_format(...)")
                .contains("Pins that make the code work as written (keras 2.2.4 is the newest analysed release whose keras.backend has all of "
                        + "get_session, image_dim_ordering)")
                .doesNotContain("Every name the code uses that kompat has facts about is provided there");
        JsonNode json = JSON.readTree(run("diagnose", "--format", "json", "--scan", project, requirements).out());
        assertThat(json.get("installs").asBoolean()).isTrue();
        assertThat(json.get("allClear").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        json.get("findings").forEach(f -> names.add(f.get("line").asInt() + ":" + f.get("name").asText()));
        assertThat(names).containsExactly("5:get_session", "6:image_dim_ordering");
        JsonNode pins = json.get("pins");
        // The code loads no model or weights, so h5py 3's break (load_model, load_weights, applications) asks no h5py<3.
        assertThat(pins.get("requested").toString()).isEqualTo("[\"keras==2.2.4\",\"tensorflow<2.0\",\"protobuf<4\"]");
        if (pins.get("verified").asBoolean()) {
            assertThat(pins.get("resolved").toString()).contains("keras==2.2.4").contains("tensorflow==1.");
        } else {
            assertThat(pins.get("explanation").get(0).asText()).matches("verdict (works|breaks|does-not-install): .+");
        }
    }

    @Test
    void getSessionOfKeras23UnderTensorflow2IsFlaggedAsRaisingNotAsPresent() {
        CliTest.Run r = run("diagnose", "--scan", DIR.resolve("classic/project").toString(), DIR.resolve("classic/keras23/requirements.txt").toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("model.py:5: keras.backend.get_session exists in keras 2.3.1 but raises there: "
                + "RuntimeError: `get_session` is not available when using TensorFlow 2.0.")
                .contains("model.py:6: keras.backend of keras 2.3.1 has no 'image_dim_ordering'");
    }

    @Test
    void aScanLeavesOutTheRulesOnlyCodeUsingNamesItNeverMentionsHits(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // keras 2.3 reaches the TensorFlow 2.1 removal only through _get_available_gpus (multi_gpu_model, channels_first).
        Path requirements = Files.writeString(dir.resolve("requirements.txt"), "keras==2.3.1\ntensorflow==2.2.0\nnumpy<1.20\nprotobuf<4\n");
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("model.py"), "from keras.models import Sequential\nfrom keras.layers import Dense\nm = Sequential([Dense(1)])\n");
        CliTest.Run dense = run("diagnose", "--scan", src.toString(), requirements.toString(), "--python", "3.8");
        assertThat(dense.out()).as(dense.out()).doesNotContain("keras-2.3-tf2.0").doesNotContain("does not work");
        assertThat(dense.code()).isEqualTo(ExitCode.OK);
        Files.writeString(src.resolve("model.py"), "from keras.utils import multi_gpu_model\nm = multi_gpu_model(model, gpus=2)\n");
        CliTest.Run gpus = run("diagnose", "--scan", src.toString(), requirements.toString(), "--python", "3.8");
        assertThat(gpus.out()).as(gpus.out()).contains("[keras-2.3-tf2.0]");
        assertThat(gpus.code()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void anEnvironmentThatDoesNotInstallIsNeverAnAllClear() {
        Path fixture = Path.of(CliTest.FIXTURE);
        for (String[] env : List.of(new String[] {"tx==1.15.5"}, new String[] {"numx<1.16", "tx==2.2.0"})) {
            Path req = write(String.join("\n", env) + "\n");
            CliTest.Run r = run("diagnose", "--matrix", fixture.toString(), "--python", "3.8", "--scan", DIR.resolve("classic/project").toString(),
                    req.toString());
            assertThat(r.code()).as(String.join(", ", env)).isEqualTo(ExitCode.FINDINGS);
            assertThat(r.out()).as(String.join(", ", env)).contains("it does not install")
                    .contains("The environment does not install, so no name could be checked").doesNotContain("Every name");
        }
    }

    @Test
    void aKerasEngineSubmoduleImportKeepsThePinsInTheCodesEra() throws Exception {
        // keras/engine/topology.py is a file of keras 1.0-2.3.1 that keras.engine's __init__ stops importing in 2.2:
        // `from keras.engine.topology import Layer` still works there, and the pins must stay in that era.
        CliTest.Run r = scan("3.7", "import keras.backend as K\nfrom keras.engine.topology import Layer\nsess = K.get_session()\n",
                "keras==2.10.0\ntensorflow==2.10.0\n");
        assertThat(r.out()).contains("model.py:2: keras.engine of keras 2.10.0 has no 'topology'")
                .contains("keras 2.3.1 is the newest analysed release whose keras.backend and keras.engine have all of")
                .contains("keras==2.3.1, tensorflow<2.0");
    }

    @Test
    void anEnvironmentThatInstallsButBreaksIsNeverAnAllClearAndGetsTheChecksFix() throws Exception {
        // pip installs keras 2.10 beside TensorFlow 2.6.0 (it declares keras~=2.6), which breaks at import.
        CliTest.Run r = scan("3.9", "import tensorflow as tf\nfrom keras import backend as K\nK.sum(tf.constant(1))\n",
                "tensorflow==2.6.0\nkeras==2.10.0\n");
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("The environment itself does not work as predicted")
                .contains("[tensorflow-2.6.0-keras-2.7]")
                .doesNotContain("Every name the code uses that kompat has facts about is provided there.\n")
                .contains("Every name the code uses that kompat has facts about is provided there, but the environment itself does not work (above).")
                .containsPattern("smallest change that makes it work: .*keras");
        assertThat(JSON.readTree(scan("3.9", "import tensorflow as tf\nfrom keras import backend as K\nK.sum(tf.constant(1))\n",
                "tensorflow==2.6.0\nkeras==2.10.0\n", "--format", "json").out()).get("allClear").asBoolean()).isFalse();
    }

    @org.junit.jupiter.api.io.TempDir
    Path scanDir;

    /** {@code diagnose --scan} of a project holding one file, {@code code}, with {@code requirements} beside it. */
    private CliTest.Run scan(String python, String code, String requirements, String... more) throws Exception {
        Path project = Files.createDirectories(scanDir.resolve("project-" + System.nanoTime()));
        Files.writeString(project.resolve("model.py"), code);
        List<String> args = new ArrayList<>(List.of("diagnose", "--python", python));
        args.addAll(List.of(more));
        args.addAll(List.of("--scan", project.toString(), write(requirements).toString()));
        return run(args.toArray(String[]::new));
    }

    @Test
    void tracebackFromStandardInputAndItsPathsTellThePython() throws Exception {
        JsonNode cases = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("real-errors.yaml").toFile()).get("cases");
        String style2paints = textOf(cases, "https://github.com/lllyasviel/style2paints/issues/133");
        InputStream stdin = System.in;
        CliTest.Run r;
        try {
            System.setIn(new ByteArrayInputStream(style2paints.getBytes(StandardCharsets.UTF_8)));
            r = run("diagnose", "--traceback", "-");
        } finally {
            System.setIn(stdin);
        }
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("From the traceback: Python 3.6; frames in keras (read from the traceback's paths)")
                .contains("multi-backend Keras 2.3 refuses TF1 session calls when TensorFlow 2 is installed ('get_session')")
                .contains("for Python 3.6 on linux-x86_64");
    }

    @Test
    void pinsOfAnOldNumpyAreCheckedOnAPythonItsWheelsCover() throws Exception {
        // numpy<1.20: numpy 1.19.5's release notes give Python 3.6-3.9, so the pins are verified on 3.9, not today's Python.
        CliTest.Run r = run("diagnose", "--error", "NotImplementedError: Cannot convert a symbolic Tensor (lstm/strided_slice:0) to a numpy array.");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("NumPy 1.20 or later").contains("tensorflow-numpy120-symbolic")
                .contains("(verified for Python 3.9 on linux-x86_64)").contains("numpy==1.19.5");
    }

    @Test
    void aBrokenErrorCatalogInAMatrixFolderIsInvalidInputInOneLine() throws Exception {
        Path dir = Files.createTempDirectory("kompat-matrix");
        try (var files = Files.list(Path.of(CliTest.FIXTURE))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("errors.yaml"), "schema: kompat.matrix/1\nerrors:\n  - {id: x, match: ['(unclosed'], summary: s, meaning: m, "
                + "source: [https://example.org/x]}\n");
        CliTest.Run r = run("diagnose", "--matrix", dir.toString(), "--error", "anything");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip()).startsWith("kompat: ").contains("errors.yaml: error 'x': pattern does not compile").doesNotContain("\n");
    }

    @Test
    void jsonDocumentsMatchTheirPublishedSchemas() throws Exception {
        var diagnose = OutputSchemaTest.schema("kompat.diagnose-1.schema.json");
        OutputSchemaTest.assertValid(diagnose, run("diagnose", "--format", "json", "--error",
                "AttributeError: module 'keras.backend' has no attribute 'get_session'", DIR.resolve("classic/requirements.txt").toString()).out());
        OutputSchemaTest.assertValid(diagnose, run("diagnose", "--format", "json", "--error", "TypeError: Descriptors cannot be created directly.").out());
        OutputSchemaTest.assertValid(diagnose, run("diagnose", "--format", "json", "--error", "ValueError: no idea").out());
        var scan = OutputSchemaTest.schema("kompat.scan-1.schema.json");
        OutputSchemaTest.assertValid(scan, run("diagnose", "--format", "json", "--scan", DIR.resolve("classic/project").toString(),
                DIR.resolve("classic/requirements.txt").toString()).out());
        Path req = write("tx==1.15.5\n");
        String notInstalling = run("diagnose", "--format", "json", "--matrix", CliTest.FIXTURE, "--python", "3.8", "--scan",
                DIR.resolve("classic/project").toString(), req.toString()).out();
        OutputSchemaTest.assertValid(scan, notInstalling);
        assertThat(JSON.readTree(notInstalling).get("installs").asBoolean()).isFalse();
        assertThat(JSON.readTree(notInstalling).get("allClear").asBoolean()).isFalse();
    }

    @Test
    void unknownErrorsStayUnknown() {
        CliTest.Run r = run("diagnose", "--error", "ValueError: operands could not be broadcast together with shapes (3,) (4,)");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("kompat does not recognise this error").doesNotContain("Pins");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "https://github.com/GantMan/nsfw_model/issues/154, protobuf-nsfw-model",
        "https://github.com/mdhmz1/Auto-Annotate/issues/13, h5py-auto-annotate",
        "https://github.com/lllyasviel/style2paints/issues/133, get-session-style2paints",
        "https://github.com/matterport/Mask_RCNN/issues/3024, keras-engine-mask-rcnn",
        "https://github.com/scikit-hep/pyhf/issues/1683, metric-exists-pyhf"})
    void wholeMessageGoldens(String url, String golden) throws Exception {
        JsonNode cases = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("real-errors.yaml").toFile()).get("cases");
        CliTest.Run r = run("diagnose", "--python", "3.7", "--error", textOf(cases, url));
        String actual = "$ kompat diagnose --python 3.7 --error <" + url + ">\nexit " + r.code() + "\n" + r.out();
        Path file = DIR.resolve("goldens").resolve(golden + ".txt");
        if (Boolean.getBoolean("kompat.golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden " + file + " (regenerate with -Dkompat.golden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String textOf(JsonNode cases, String url) {
        for (JsonNode c : cases) {
            if (c.get("url").asText().equals(url)) {
                return c.get("text").asText();
            }
        }
        throw new IllegalArgumentException("no case " + url);
    }

    private static Path write(String content) {
        try {
            Path f = Files.createTempFile("kompat-diagnose", ".txt");
            f.toFile().deleteOnExit();
            Files.writeString(f, content);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
