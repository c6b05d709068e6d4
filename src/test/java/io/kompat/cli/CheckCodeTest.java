package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kompat check --code DIR}: the project's sources checked against the predicted install, on the bundled facts. */
class CheckCodeTest {
    @TempDir
    Path dir;

    /** {@code kompat check REQUIREMENTS --python PYTHON --offline --no-pip-config --code SRC}, requirements and code given as text. */
    private CliTest.Run check(String requirements, String python, String code, String... more) throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), requirements);
        List<String> args = new java.util.ArrayList<>(List.of("check", req.toString(), "--python", python, "--offline", "--no-pip-config", "--code",
                project(code).toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private Path project(String code) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("model.py"), code);
        return src;
    }

    @Test
    void aNameTheInstallLacksBreaksAnInstallTheRulesAccept() throws Exception {
        CliTest.Run with = check("tensorflow==2.15.1\nnumpy<2\nprotobuf<4\n", "3.10", "import tensorflow as tf\nx = tf.placeholder(tf.float32)\n");
        CliTest.Run without = CliTest.run("check", dir.resolve("requirements.txt").toString(), "--python", "3.10", "--offline", "--no-pip-config");
        assertThat(without.out()).startsWith("WORKS");
        assertThat(with.code()).as(with.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(with.out()).startsWith("BREAKS")
                .contains("the project's code; pip knows neither")
                .contains("model.py:2: tensorflow has no 'placeholder'")
                .contains("tensorflow.compat.v1.placeholder");
    }

    @Test
    void codeThatTheInstallProvidesLeavesTheVerdictAndSaysSo() throws Exception {
        CliTest.Run with = check("tensorflow==2.15.1\nnumpy<2\nprotobuf<4\n", "3.10", "import tensorflow as tf\nx = tf.constant(1)\n");
        assertThat(with.out()).startsWith("WORKS").doesNotContain("pip knows neither");
    }

    @Test
    void jsonCarriesTheScanAndCodeBreaks() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.15.1\nnumpy<2\nprotobuf<4\n");
        Path src = project("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n");
        CliTest.Run with = CliTest.run("check", req.toString(), "--python", "3.10", "--offline", "--no-pip-config", "--code", src.toString(),
                "--format", "json");
        JsonNode root = new ObjectMapper().readTree(with.out());
        assertThat(root.get("verdict").asText()).isEqualTo("breaks");
        assertThat(root.get("code").get("findings")).isNotEmpty();
        assertThat(root.toString()).contains("\"kind\":\"code\"");
        OutputSchemaTest.assertValid(OutputSchemaTest.schema("kompat.check-2.schema.json"), with.out());
    }

    @Test
    void theFixKeepsTheCodeAsWrittenInItsEra() throws Exception {
        // Keras 2.2 / TensorFlow 1 code beside a file pip resolves to TensorFlow 2.3 and keras 2.15 on Python 3.8.
        CliTest.Run r = check("tensorflow==2.3.0\nkeras\n", "3.8", "from keras import backend as K\nimport tensorflow as tf\n"
                + "sess = K.get_session()\nK.image_dim_ordering()\nx = tf.placeholder(tf.float32)\n");
        assertThat(r.out()).startsWith("BREAKS").contains("has no 'image_dim_ordering'").doesNotContain("No fix found");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow())
                .contains("use Python 3.7")
                .contains("tensorflow ==2.3.0 -> ==1.15.5")
                .contains("keras (any version) -> ==2.2.4")
                .contains("add protobuf<4")
                // The code loads no model or weights: h5py 3's str.decode break does not reach it.
                .doesNotContain("h5py");
    }

    @Test
    void codeUsingAModuleTheInstallLacksBreaksAtImportAndTheFixAddsIt() throws Exception {
        CliTest.Run r = check("keras==2.2.4\nh5py<3\n", "3.6", "import tensorflow as tf\nx = tf.placeholder(tf.float32)\n");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).startsWith("BREAKS")
                .contains("model.py:2: the code uses tensorflow, which pip does not install")
                .contains("ModuleNotFoundError: No module named 'tensorflow'")
                .contains("add tensorflow<2");
    }

    @Test
    void maskRcnnCodeGetsAKeras22AndTensorFlow1Pair() throws Exception {
        // Mask R-CNN's requirements and its use of keras.engine (KE.Layer) and K.tf, on Python 3.6.
        CliTest.Run r = check("tensorflow-gpu>=1.3.0\nkeras>=2.0.8\nh5py\n", "3.6", "import keras.backend as K\nimport keras.engine as KE\n"
                + "class ProposalLayer(KE.Layer):\n    def call(self, x):\n        return K.tf.identity(x)\n"
                + "def load(model, path):\n    model.load_weights(path, by_name=True)\n");
        // Today pip picks tensorflow-gpu 2.12.0, the stub that raises at install time: the install fails before the code runs.
        assertThat(r.out()).startsWith("DOES NOT INSTALL: pip picks tensorflow-gpu 2.12.0").contains("model.py:3: keras.engine of keras 2.10.0 has no 'Layer'")
                .contains("keras releases that have it: 1.0.0, 1.2.2, 2.0.0-2.4.0");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow())
                .contains("keras >=2.0.8 -> ==2.2.4").contains("tensorflow-gpu >=1.3.0 -> <2,>=1.3.0").contains("h5py (any version) -> <3");
    }

    @Test
    void aKerasEngineModuleThatKeras24LeftOutIsFoundAndFixedInTheCodesEra() throws Exception {
        // keras 2.4 redirects keras.engine to tf.keras and keeps only a few modules: training_utils is gone.
        CliTest.Run r = check("keras==2.4.3\ntensorflow==2.3.0\n", "3.8",
                "from keras.engine.training_utils import standardize_input_data\nfrom keras.engine.topology import Layer\n");
        assertThat(r.out()).startsWith("BREAKS").contains("model.py:1: keras.engine of keras 2.4.3 has no 'training_utils'")
                .doesNotContain("has no 'topology'").doesNotContain("the project's code, which");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        // keras 2.3.1 is the newest release with both names; on TensorFlow 2.3 it breaks only code that reaches
        // _get_available_gpus (multi_gpu_model, channels_first), which this code does not: TensorFlow stays.
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("keras ==2.4.3 -> ==2.3.1").doesNotContain("tensorflow ==")
                .doesNotContain("use Python");
    }

    @Test
    void tensorFlowsOwnTfKerasBackendIsCheckedFromOneFourToTwoZero() throws Exception {
        // TensorFlow's API goldens at the tags: tf.keras.backend.get_session is in 1.4-1.15 and gone from 2.0's v2 API.
        String code = "import tensorflow as tf\nsess = tf.keras.backend.get_session()\ny = tf.keras.backend.sum\n";
        CliTest.Run two = check("tensorflow==2.0.0\n", "3.7", code);
        assertThat(two.out()).contains("model.py:2: tf.keras.backend of tensorflow 2.0.0 has no 'get_session' (releases that have it: 1.4.0-1.15.0)")
                .doesNotContain("has no 'sum'").doesNotContain("tf.keras.backend of tensorflow 2.0.0 (no symbol table");
        CliTest.Run one = check("tensorflow==1.15.0\nprotobuf<4\nh5py<3\nnumpy<1.20\n", "3.7", code);
        assertThat(one.out()).doesNotContain("has no 'get_session'").doesNotContain("no symbol table");
    }

    @Test
    void getSessionOnTfKerasOfTwoOneAndTwoTwoIsMissingAndTheFixReturnsToOneFifteen() throws Exception {
        // nairouz/DynAE#14: tf.keras.backend.get_session() under TensorFlow 2.x; the 2.1.0 and 2.2.0 v2 goldens lack it.
        String code = "from tensorflow.keras import backend as K\nsess = K.get_session()\n";
        for (String tf : new String[] {"2.1.0", "2.2.0"}) {
            CliTest.Run r = check("tensorflow==" + tf + "\n", "3.7", code);
            assertThat(r.out()).startsWith("BREAKS")
                    .contains("model.py:2: tf.keras.backend of tensorflow " + tf + " has no 'get_session' (releases that have it: 1.4.0-1.15.0)");
            // The code's era: the newest TensorFlow whose tf.keras.backend has get_session.
            String fixes = r.out().substring(r.out().indexOf("Fixes ("));
            assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("tensorflow ==" + tf + " -> ==1.15.5");
        }
    }

    @Test
    void namesKeras22DroppedFromTopologyAreFoundAndTheFixGoesBackTo21() throws Exception {
        // simontomaskarlsson/GAN-MRI#15, keras-team/keras#13213: keras 2.2.0 made keras.engine.topology a shim of seven names.
        CliTest.Run r = check("keras==2.2.4\ntensorflow==1.15.0\n", "3.7",
                "from keras.engine.topology import Container\nfrom keras.engine.topology import _to_list, Layer\n");
        assertThat(r.out()).startsWith("BREAKS")
                .contains("model.py:1: keras.engine.topology of keras 2.2.4 has no 'Container' (keras releases that have it: 1.0.0-1.2.2, 2.0.0-2.1.6)")
                .contains("model.py:2: keras.engine.topology of keras 2.2.4 has no '_to_list' (keras releases that have it: 2.0.0-2.1.6)")
                .doesNotContain("has no 'Layer'");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("keras ==2.2.4 -> ==2.1.6");
    }

    @Test
    void theCodesEraPinsComeOutBeforeTheDayPipIsPredictedAs() throws Exception {
        // matterport/Mask_RCNN#662 (2018-07-11): keras 2.1.6 has no keras.engine.saving; 2.2.0 (2018-06-06) has it,
        // and later releases that have it (up to 2.12.0) did not exist that day.
        CliTest.Run r = check("keras==2.1.6\ntensorflow==1.8.0\n", "3.6", "from keras.engine import saving\n", "--as-of", "2018-07-11");
        assertThat(r.out()).startsWith("BREAKS").contains("model.py:1: keras.engine of keras 2.1.6 has no 'saving'")
                .contains("Pins that keep the code as written: keras==2.2.0").doesNotContain("keras==2.12.0");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("keras ==2.1.6 -> ==2.2.0");
    }

    @Test
    void theTensorFlowOfTheCodesEraCameOutBeforeTheDay() throws Exception {
        // get_session is in tf.keras.backend up to 1.15, but on 2019-10-05 the newest TensorFlow 1 was 1.14 (tag v1.15.0: 2019-10-14).
        CliTest.Run r = check("tensorflow==2.0.0\n", "3.7", "from tensorflow.keras import backend as K\nsess = K.get_session()\n",
                "--as-of", "2019-10-05");
        assertThat(r.out()).startsWith("BREAKS").contains("Pins that keep the code as written: tensorflow==1.14.*").doesNotContain("tensorflow==1.15").doesNotContain("-> ==1.15");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("tensorflow ==2.0.0 -> ==1.14.0");
    }

    @Test
    void noOtherPythonIsAFixOnTheStrengthOfAReleaseNoListHolds() throws Exception {
        // No listed TensorFlow has wheels for Python 3.14: only a release after the list's date might; that is no fix.
        CliTest.Run r = check("tensorflow>=1.15.0\n", "3.10", "from tensorflow.contrib import rnn\n");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes).doesNotContain("use Python 3.14").doesNotContain("use Python 3.15");
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("use Python 3.7").contains("tensorflow >=1.15.0 -> <2,>=1.15.0");
    }

    @Test
    void theMergeLayerKeras22RemovedIsFoundAndTheFixGoesBackTo21() throws Exception {
        // flag0010/pop_gen_cnn#2, srijandas07/VPN#10: `from keras.layers import Merge` (keras.layers lost Merge at tag 2.2.0).
        CliTest.Run r = check("keras==2.2.4\ntensorflow==1.13.1\nh5py<3\n", "3.6", "from keras.layers import Dense, Dropout, Flatten, Merge\n");
        assertThat(r.out()).startsWith("BREAKS").contains("model.py:1: keras.layers of keras 2.2.4 has no 'Merge'")
                .doesNotContain("has no 'Dense'");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("keras ==2.2.4 -> ==2.1.6");
    }

    @Test
    void aNameWithNoTableIsNoAllClear() throws Exception {
        // tf.keras.backend of TensorFlow 2.3 was not read: the verdict says some names were not checked.
        CliTest.Run r = check("tensorflow==2.3.0\n", "3.7", "from tensorflow.keras import backend as K\nsess = K.get_session()\n");
        assertThat(r.out()).startsWith("WORKS: pip installs it, and nothing kompat knows breaks it; some names the code uses were not checked")
                .contains("not checked: tf.keras.backend of tensorflow 2.3.0");
    }

    @Test
    void tensorFlowOneNamesThatTwoKeepsOnlyInCompatV1AreFoundFromTheApiGoldens() throws Exception {
        // tf.logging, tf.layers and tf.to_float: in 1.15's tensorflow namespace, in 2.0's tensorflow.compat.v1 only.
        CliTest.Run r = check("tensorflow==2.4.0\n", "3.8",
                "import tensorflow as tf\ntf.logging.set_verbosity(tf.logging.INFO)\nx = tf.layers.dense\ny = tf.to_float(1)\nz = tf.reduce_sum\n"
                        + "tf.profiler.experimental.start('logs')\nimport tensorflow.compat.v1 as tf1\nfrom tensorflow.python.keras import backend\n");
        assertThat(r.out()).contains("model.py:2: tensorflow has no 'logging' (replacement: use tensorflow.compat.v1.logging)")
                .contains("model.py:3: tensorflow has no 'layers'").contains("model.py:4: tensorflow has no 'to_float'")
                // tf.profiler left TensorFlow 2.0 and came back in 2.2: not a TensorFlow 1 name.
                .doesNotContain("has no 'reduce_sum'").doesNotContain("has no 'profiler'").doesNotContain("has no 'compat'")
                .doesNotContain("has no 'python'");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("tensorflow ==2.4.0 -> ==1.15.5");
    }

    @Test
    void tfContribIsRemovedInTensorFlowTwoWithTheReleaseNotesAdvice() throws Exception {
        CliTest.Run r = check("tensorflow==2.4.0\n", "3.8",
                "import tensorflow as tf\nfrom tensorflow.contrib import rnn\nw = tf.contrib.layers.xavier_initializer()\nfrom tensorflow.keras import layers\n");
        assertThat(r.out()).contains("model.py:2: tensorflow has no 'contrib' (replacement: tf.contrib is gone in TensorFlow 2")
                .contains("model.py:3: tensorflow has no 'contrib'").doesNotContain("has no 'keras'");
        String fixes = r.out().substring(r.out().indexOf("Fixes ("));
        assertThat(fixes.lines().skip(1).findFirst().orElseThrow()).contains("tensorflow ==2.4.0 -> ==1.15.5");
    }

    @Test
    void aBreakOnlySomeCodeHitsIsKeptWithoutCodeAndDismissedForCodeThatUsesNoneOfItsNames() throws Exception {
        // keras 2.3 calls tf.config.experimental_list_devices (gone in TensorFlow 2.1) only through _get_available_gpus.
        String requirements = "keras==2.3.1\ntensorflow==2.2.0\nnumpy<1.20\nprotobuf<4\n";
        Path req = Files.writeString(dir.resolve("requirements.txt"), requirements);
        CliTest.Run without = CliTest.run("check", req.toString(), "--python", "3.8", "--offline", "--no-pip-config");
        assertThat(without.out()).startsWith("BREAKS").contains("keras 2.3.1 works only with tensorflow<2.1")
                .contains("it breaks only code that uses _get_available_gpus, multi_gpu_model or channels_first");

        CliTest.Run dense = check(requirements, "3.8", "from keras.models import Sequential\nfrom keras.layers import Dense, Conv2D\n"
                + "m = Sequential([Conv2D(8, 3, data_format='channels_last'), Dense(1)])\n");
        assertThat(dense.out()).as(dense.err()).startsWith("WORKS").doesNotContain("keras-2.3-tf2.0").doesNotContain("No set of releases")
                // The code section reads the same code: the environment works for it, so no pins are proposed there either.
                .contains("Every name the code uses that kompat has facts about is provided there").doesNotContain("Pins that keep the code");

        CliTest.Run gpus = check(requirements, "3.8", "from keras.utils import multi_gpu_model\nfrom keras.models import Sequential\n"
                + "m = multi_gpu_model(Sequential(), gpus=2)\n", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(gpus.out());
        assertThat(root.get("verdict").asText()).isEqualTo("breaks");
        // The code was read and uses multi_gpu_model: the break is certain, no condition is attached.
        assertThat(root.toString()).contains("\"rule\":\"keras-2.3-tf2.0\"").doesNotContain("onlyForCodeUsing");
        OutputSchemaTest.assertValid(OutputSchemaTest.schema("kompat.check-2.schema.json"), gpus.out());
        CliTest.Run json = CliTest.run("check", req.toString(), "--python", "3.8", "--offline", "--no-pip-config", "--format", "json");
        assertThat(new ObjectMapper().readTree(json.out()).toString())
                .contains("\"onlyForCodeUsing\":[\"_get_available_gpus\",\"multi_gpu_model\",\"channels_first\"]");
        OutputSchemaTest.assertValid(OutputSchemaTest.schema("kompat.check-2.schema.json"), json.out());

        // A folder with no code read rules nothing out (a notebook without a code cell): the break stands.
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Files.writeString(notebooks.resolve("train.ipynb"), "{\"cells\": []}");
        CliTest.Run none = CliTest.run("check", req.toString(), "--python", "3.8", "--offline", "--no-pip-config", "--code", notebooks.toString());
        assertThat(none.out()).startsWith("BREAKS").contains("keras 2.3.1 works only with tensorflow<2.1");
    }

    @Test
    void aNotebookOnlyProjectIsReadFromItsCodeCells() throws Exception {
        String requirements = "keras==2.3.1\ntensorflow==2.2.0\nnumpy<1.20\nprotobuf<4\n";
        Path req = Files.writeString(dir.resolve("requirements.txt"), requirements);
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Files.writeString(notebooks.resolve("train.ipynb"), notebook("from keras.models import Sequential\nfrom keras.layers import Dense\n"
                + "m = Sequential([Dense(1)])"));
        CliTest.Run dense = CliTest.run("check", req.toString(), "--python", "3.8", "--offline", "--no-pip-config", "--code", notebooks.toString());
        assertThat(dense.out()).as(dense.out()).startsWith("WORKS").doesNotContain("keras-2.3-tf2.0");
        Files.writeString(notebooks.resolve("train.ipynb"), notebook("from keras.utils import multi_gpu_model\nm = multi_gpu_model(model, gpus=2)"));
        CliTest.Run gpus = CliTest.run("check", req.toString(), "--python", "3.8", "--offline", "--no-pip-config", "--code", notebooks.toString());
        assertThat(gpus.out()).as(gpus.out()).startsWith("BREAKS").contains("keras 2.3.1 works only with tensorflow<2.1")
                .doesNotContain("it breaks only code that uses");
    }

    /** A notebook with one markdown cell and one code cell holding {@code code}. */
    private static String notebook(String code) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var root = json.createObjectNode();
        var cells = root.putArray("cells");
        cells.addObject().put("cell_type", "markdown").putArray("source").add("# Training\n");
        var cell = cells.addObject().put("cell_type", "code");
        cell.putArray("outputs");
        var source = cell.putArray("source");
        code.lines().forEach(l -> source.add(l + "\n"));
        root.put("nbformat", 4);
        return json.writeValueAsString(root);
    }

    @Test
    void namesImportedFromKerasModulesAreCheckedAgainstTheModuleTablesOfTheInstalledKeras() throws Exception {
        // keras 2.6's keras/optimizers.py imports the optimizer modules only (adam as adam_v2): Adam is not there.
        CliTest.Run r = check("tensorflow==2.6.0\nkeras==2.6.0\nprotobuf<4\n", "3.8",
                "from keras.optimizers import Adam\nfrom keras.layers import Dense, core\nfrom keras.preprocessing.image import load_img\n");
        assertThat(r.out()).startsWith("BREAKS")
                .contains("model.py:1: keras.optimizers of keras 2.6.0 has no 'Adam' (keras releases that have it: 1.0.0-1.2.2, 2.0.0-2.3.1, 2.9.0-")
                .doesNotContain("has no 'Dense'").doesNotContain("has no 'core'").doesNotContain("has no 'load_img'");

        // keras 2.13 publishes only its API modules: keras.layers.core and keras.utils.np_utils are gone.
        CliTest.Run gone = check("tensorflow==2.13.1\nkeras==2.13.1\n", "3.10",
                "from keras.layers.core import Dense\nfrom keras.utils import np_utils\n");
        assertThat(gone.out()).startsWith("BREAKS")
                .contains("model.py:1: keras 2.13.1 has no module keras.layers.core (No module named 'keras.layers.core'")
                .contains("(replacement: from keras.layers import Dense (keras 2.13.1 has it there))")
                .contains("model.py:2: keras.utils of keras 2.13.1 has no 'np_utils'");
    }

    @Test
    void whenWhatMendsTheRulesBreaksTheCodeTheFixStaysWithinWhatTheCodeNeedsOnTheSamePython() throws Exception {
        // TensorFlow 2.6.0 beside the keras 2.15 pip picks breaks; keras 2.6 would mend that but lacks keras.optimizers.Adam.
        CliTest.Run r = check("tensorflow==2.6.0\nprotobuf<4\n", "3.8", "from keras.optimizers import Adam\nfrom keras.layers import Dense\n");
        assertThat(r.out()).startsWith("BREAKS");
        String first = r.out().substring(r.out().indexOf("Fixes (")).lines().skip(1).findFirst().orElseThrow();
        assertThat(first).contains("tensorflow ==2.6.0 -> ==2.13.1").doesNotContain("use Python").doesNotContain("keras<2.7");
    }

    @Test
    void tfKerasModulesAreCheckedAgainstTheKerasThatProvidesTfKeras() throws Exception {
        // TensorFlow 2.16 loads tf.keras from Keras 3: no layers.experimental, no scikit_learn wrapper, and before 3.3.2
        // no legacy ImageDataGenerator or preprocessing.text.
        String code = "import tensorflow as tf\nfrom tensorflow.keras.preprocessing.image import ImageDataGenerator\n"
                + "from tensorflow.keras.wrappers.scikit_learn import KerasClassifier\n"
                + "x = tf.keras.layers.experimental.preprocessing.Rescaling(1.0 / 255)\nfrom tensorflow.keras.layers import Dense\n";
        CliTest.Run r = check("tensorflow==2.16.1\nkeras==3.3.0\n", "3.11", code);
        assertThat(r.out()).startsWith("BREAKS")
                .contains("model.py:2: tensorflow.keras.preprocessing.image of tensorflow 2.16.1 (keras 3.3.0) has no 'ImageDataGenerator'")
                .contains("model.py:3: tensorflow 2.16.1 (keras 3.3.0) has no module tensorflow.keras.wrappers.scikit_learn")
                .contains("model.py:4: tensorflow 2.16.1 (keras 3.3.0) has no module tensorflow.keras.layers.experimental.preprocessing")
                .contains("(replacement: from tensorflow.keras.layers import Rescaling (keras 3.3.0 has it there))")
                .doesNotContain("has no 'Dense'");
        String first = r.out().substring(r.out().indexOf("Fixes (")).lines().skip(1).findFirst().orElseThrow();
        assertThat(first).contains("keras ==3.3.0 -> ==2.12.0").contains("tensorflow ==2.16.1 -> ==2.12.1").doesNotContain("use Python");

        // TensorFlow 2.4 carries its own tf.keras, which has no module tables: nothing is claimed about it.
        CliTest.Run own = check("tensorflow==2.4.4\nprotobuf<4\n", "3.8", code);
        assertThat(own.out()).startsWith("WORKS").doesNotContain("has no module").doesNotContain("has no 'ImageDataGenerator'")
                .doesNotContain("keras==");
    }

    @Test
    void stringsCommentsImportFallbacksVersionBranchesAndTensorFlowsPrivateBackendClaimNothing() throws Exception {
        // lukas/ml-class#40: model.save('image.h5') beside 'from keras.preprocessing import image'; matterport Mask R-CNN's
        // try/except ImportError between keras.engine.saving and topology; ToxiCR's tensorflow.python.keras.backend.
        String code = "import tensorflow as tf\nfrom keras.preprocessing import image\nfrom tensorflow.python.keras import backend as K\n"
                + "\"\"\"Docs: use tf.contrib.layers here.\"\"\"\ntry:\n    from keras.engine import saving\nexcept ImportError:\n"
                + "    from keras.engine import topology as saving\nif tf.__version__[0] == '2':\n    x = tf.compat.v1.placeholder(tf.float32)\n"
                + "else:\n    x = tf.placeholder(tf.float32)\nmodel.save('image.h5')\nK.set_session(None)\ny = tf.placeholder(tf.float32)\n";
        CliTest.Run r = check("tensorflow==2.4.4\nkeras==2.4.3\nprotobuf<4\n", "3.8", code);
        assertThat(r.out()).contains("model.py:15: tensorflow has no 'placeholder'").doesNotContain("model.py:12:")
                .doesNotContain("'h5'").doesNotContain("'contrib'").doesNotContain("'saving'").doesNotContain("'topology'")
                .doesNotContain("'set_session'");
    }

    @Test
    void tfEstimatorIsGoneFromTensorFlow216AndOnlyCodeLoadingModelsNeedsH5pyBelow3() throws Exception {
        // aime-team/tf2-benchmarks#3: class ExamplesPerSecondHook(tf.estimator.SessionRunHook) under TensorFlow 2.16.
        CliTest.Run r = check("tensorflow==2.16.1\n", "3.11", "import tensorflow as tf\nclass Hook(tf.estimator.SessionRunHook):\n    pass\n");
        assertThat(r.out()).startsWith("BREAKS").contains("model.py:2: tensorflow has no 'estimator' (replacement: tf.estimator is gone from TensorFlow 2.16");
        assertThat(r.out().substring(r.out().indexOf("Fixes (")).lines().skip(1).findFirst().orElseThrow()).contains("tensorflow ==2.16.1 -> ==2.15.");

        // keras 2.2.4 decodes HDF5 attributes only when loading: h5py 3 breaks code that loads weights, not code that does not.
        String requirements = "keras==2.2.4\ntensorflow==1.15.5\nprotobuf<4\nnumpy<1.20\n";
        CliTest.Run loads = check(requirements, "3.7", "from keras.models import load_model\nm = load_model('m.h5')\n");
        assertThat(loads.out()).startsWith("BREAKS").contains("h5py");
        CliTest.Run trains = check(requirements, "3.7", "from keras.models import Sequential\nm = Sequential()\nm.save('m.h5')\n");
        assertThat(trains.out()).as(trains.out()).startsWith("WORKS");
        // keras.applications models load imagenet weights by default, through load_weights.
        CliTest.Run pretrained = check(requirements, "3.7", "from keras.applications import VGG16\nm = VGG16(include_top=False)\n");
        assertThat(pretrained.out()).startsWith("BREAKS").contains("h5py");
    }

    @Test
    void tfKeras215ThatPipPicksForTensorflowHubBreaksOnlyCodeThatImportsIt() throws Exception {
        // WSU-SEAL/ToxiCR (Oct 2024): tensorflow-hub 0.16.1 asks for tf-keras, and pip takes 2.15.1, the newest that
        // declares no TensorFlow; hub imports tf_keras only under Keras 3, so TensorFlow 2.5 code runs.
        String requirements = "tensorflow==2.5.0\ntensorflow-hub\nnumpy==1.19.2\nprotobuf<4\n";
        CliTest.Run hub = check(requirements, "3.8", "import tensorflow_hub as hub\nlayer = hub.KerasLayer('x')\n", "--as-of", "2024-10-18");
        assertThat(hub.out()).as(hub.out()).startsWith("WORKS").contains("tf-keras 2.15.1");
        CliTest.Run direct = check(requirements, "3.8", "import tf_keras\n", "--as-of", "2024-10-18");
        assertThat(direct.out()).startsWith("BREAKS").contains("tf-keras 2.15.1 works only with tensorflow<2.16,>=2.15");
    }

    @Test
    void aMissingFolderIsAOneLineErrorWithExitTwo() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.15.1\n");
        CliTest.Run r = CliTest.run("check", req.toString(), "--offline", "--no-pip-config", "--code", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("not a directory");
    }
}
