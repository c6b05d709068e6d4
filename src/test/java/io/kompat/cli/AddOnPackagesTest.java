package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow Probability and TensorFlow Hub declare no TensorFlow and check it when used: pip pairs their newest release
 * with any TensorFlow, and the runtime rules read at their release tags say what breaks.
 */
class AddOnPackagesTest {
    @TempDir
    Path dir;

    private CliTest.Run check(String requirements, String python) throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), requirements);
        return CliTest.run("check", req.toString(), "--python", python, "--offline", "--no-pip-config");
    }

    private static String firstFix(CliTest.Run r) {
        return r.out().substring(r.out().indexOf("Fixes (")).lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void anUnpinnedTensorflowProbabilityIsTheNewestAndNeedsANewerTensorflow() throws Exception {
        // On Python 3.7 pip takes 0.20.0 (0.21 asks for Python 3.8), which checks for TensorFlow 2.12 when used.
        CliTest.Run r = check("tensorflow==2.3.0\ntensorflow-probability\n", "3.7");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS")
                .contains("tensorflow-probability 0.20.0 works only with tensorflow>=2.12 (or jax), and pip installs tensorflow 2.3.0")
                .contains("This version of TensorFlow Probability requires TensorFlow version >= 2.12");
        // 0.11 is the line made for TensorFlow 2.3.
        assertThat(firstFix(r)).contains("tensorflow-probability (any version) -> <0.12");
        assertThat(r.out()).contains("pip would then install tensorflow-probability 0.11.1");
    }

    @Test
    void releasesBefore05HaveNoTensorflowCheck() throws Exception {
        // _ensure_tf_install first appears at v0.5.0; 0.4.0 imports TensorFlow without a version test.
        assertThat(check("tensorflow==1.10.0\ntensorflow-probability==0.4.0\n", "3.6").out()).doesNotContain("tensorflow-probability-0.5-needs");
    }

    @Test
    void anyDistributionOfTheTensorflowPackageMeetsTheCheck() throws Exception {
        assertThat(check("tensorflow-gpu==2.3.0\ntensorflow-probability==0.12.2\nprotobuf<4\n", "3.7").out())
                .contains("tensorflow-probability-0.12-needs-tensorflow-2.4");
        CliTest.Run fits = check("tensorflow-gpu==2.4.1\ntensorflow-probability==0.12.2\nprotobuf<4\n", "3.7");
        assertThat(fits.out()).as(fits.out()).startsWith("WORKS");
    }

    @Test
    void jaxAloneServesTheJaxSubstrate() throws Exception {
        CliTest.Run r = check("tensorflow-probability==0.20.0\njax\n", "3.10");
        assertThat(r.out()).as(r.out()).doesNotContain("needs-tensorflow");
    }

    @Test
    void tensorflowProbability024NeedsTfKerasThatOnlyItsTfExtraBrings() throws Exception {
        CliTest.Run plain = check("tensorflow==2.16.1\ntensorflow-probability==0.24.0\n", "3.10");
        assertThat(plain.out()).as(plain.out()).startsWith("BREAKS")
                .contains("tensorflow-probability 0.24.0 needs tf-keras (or jax) at run time, which pip does not install");
        assertThat(firstFix(plain)).contains("add tf-keras");
        CliTest.Run extra = check("tensorflow==2.16.1\ntensorflow-probability[tf]==0.24.0\n", "3.10");
        assertThat(extra.out()).as(extra.out()).doesNotContain("tensorflow-probability-0.24-needs-tf-keras");
    }

    @Test
    void releasesBefore024BreakUnderKeras3() throws Exception {
        CliTest.Run r = check("tensorflow\ntensorflow-probability==0.23.0\n", "3.10");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS").contains("tensorflow-probability-before-0.24-keras-3");
        assertThat(firstFix(r)).contains("tensorflow (any version) -> <2.16");
    }

    @Test
    void anUnpinnedTensorflowHubRefusesTensorflowOlderThan115() throws Exception {
        CliTest.Run r = check("tensorflow==1.14.0\ntensorflow-hub\nprotobuf<4\nh5py<3\n", "3.7");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS")
                .contains("tensorflow-hub 0.16.1 works only with tensorflow>=1.15.0, and pip installs tensorflow 1.14.0");
        assertThat(r.out()).contains("tensorflow-hub (any version) -> <0.10");
        CliTest.Run old = check("tensorflow==1.14.0\ntensorflow-hub==0.9.0\nprotobuf<4\nh5py<3\n", "3.7");
        assertThat(old.out()).as(old.out()).doesNotContain("tensorflow-hub-0.10-needs-tensorflow-1.15");
    }

    @Test
    void tensorflowHubBefore013ShipsProtocolBufferCodeThatProtobuf4Refuses() throws Exception {
        // GantMan/nsfw_model#154: hub 0.12.0 beside TensorFlow 2.15, image_module_info_pb2.py at import.
        CliTest.Run r = check("tensorflow==2.15.0\ntensorflow-hub==0.12.0\n", "3.10");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS").contains("tensorflow-hub 0.12.0 breaks with protobuf>=4");
        assertThat(firstFix(r)).contains("add protobuf<4");
        CliTest.Run newer = check("tensorflow==2.15.0\ntensorflow-hub==0.13.0\n", "3.10");
        assertThat(newer.out()).as(newer.out()).doesNotContain("tensorflow-hub-protobuf4");
    }

    @Test
    void tensorflowProbabilityBefore022FailsItsArgumentCheckUnderTensorflow214() throws Exception {
        // tensorflow/probability#1752: TensorFlow 2.14.0 with 0.21.0, ValueError at import.
        CliTest.Run r = check("tensorflow==2.14.0\ntensorflow-probability==0.21.0\nnumpy<2\n", "3.11");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS").contains("tensorflow-probability 0.21.0 breaks with tensorflow>=2.14");
        CliTest.Run fixed = check("tensorflow==2.14.0\ntensorflow-probability==0.22.1\nnumpy<2\n", "3.11");
        assertThat(fixed.out()).as(fixed.out()).startsWith("WORKS");
    }

    @Test
    void aKerasMadeForAnotherTensorflowIsRecognisedFromItsInternalApiError() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==1.14.0\nkeras==2.11.0\n");
        // serengil/deepface#835: keras 2.11 beside TensorFlow 1.14.
        CliTest.Run r = CliTest.run("diagnose", "--error", "AttributeError: module 'tensorflow.compat.v2' has no attribute '__internal__'",
                req.toString(), "--python", "3.7");
        assertThat(r.out()).as(r.out()).contains("a Keras 2 made for another TensorFlow minor")
                .contains("it breaks the rule behind this error: keras 2.11.0 needs tensorflow<2.12,>=2.11");
        CliTest.Run tf2 = CliTest.run("diagnose", "--error", "AttributeError: module 'tensorflow.compat.v2.__internal__' has no attribute 'tf2'");
        assertThat(tf2.out()).as(tf2.out()).contains("[keras-2.4-beside-keras-nightly]").doesNotContain("does not recognise");
    }

    @Test
    void anUnpinnedTensorflowAddonsBelowItsTensorflowMinimumBreaksAtImport() throws Exception {
        // tensorflow/addons#1927 (2020-06-14): TensorFlow 2.1.0 and the newest tensorflow-addons, 0.10.0.
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.1.0\ntensorflow-addons\nprotobuf<4\nh5py<3\n");
        CliTest.Run r = CliTest.run("check", req.toString(), "--python", "3.6", "--offline", "--no-pip-config", "--as-of", "2020-06-14");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS")
                .contains("tensorflow-addons 0.10.0 works only with tensorflow>=2.2.0, and pip installs tensorflow 2.1.0")
                .contains("module 'tensorflow_core._api.v2.random' has no attribute 'Generator'");
        assertThat(firstFix(r)).contains("tensorflow-addons (any version) -> <0.10");
    }

    @Test
    void tensorflowAddonsHasWheelsOnlyForThePythonsOfItsCompatibilityMatrix() throws Exception {
        // zaccharieramzi/fastmri-reproducible-benchmark#149: 0.9.1 on Python 3.8, "(from versions: 0.10.0, ...)".
        CliTest.Run old = check("tensorflow==2.4.0\ntensorflow-addons==0.9.1\n", "3.8");
        assertThat(old.out()).as(old.out()).startsWith("DOES NOT INSTALL: pip would fail (No matching distribution found for tensorflow-addons==0.9.1)");
        // tensorflow/addons#2874: Python 3.12, "(from versions: none)"; the list is complete from 0.9.0, and the older
        // releases came out years before Python 3.12.
        CliTest.Run none = check("tensorflow==2.17.0\ntensorflow-addons\n", "3.12");
        assertThat(none.out()).as(none.out()).contains("Could not find a version that satisfies the requirement tensorflow-addons (from versions: none)");
        // 0.23.0 has no Windows wheel (its README; tensorflow/addons#2867): pip takes 0.22.0 there.
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.14.1\ntensorflow-addons\n");
        CliTest.Run windows = CliTest.run("check", req.toString(), "--python", "3.11", "--platform", "windows-amd64", "--offline", "--no-pip-config");
        assertThat(windows.out()).as(windows.out()).contains("tensorflow-addons 0.22.0");
    }

    @Test
    void tensorflowAddonsFromO21ImportsAKerasModuleKeras3LacksUnderTensorflow216() throws Exception {
        CliTest.Run r = check("tensorflow==2.16.1\ntensorflow-addons==0.23.0\n", "3.11");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS").contains("tensorflow-addons-keras-3").contains("No module named 'keras.src.engine'");
        assertThat(firstFix(r)).contains("tensorflow ==2.16.1 -> ==2.15.");
    }

    @Test
    void tensorflowTextHasNoWindowsWheelBefore24NorAfter210() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.16.1\ntensorflow-text==2.16.1\n");
        // tensorflow/text#1263: TensorFlow 2.16.1 on Windows; the README from 2.11: Linux x86_64 and Intel Macs only.
        CliTest.Run windows = CliTest.run("check", req.toString(), "--python", "3.11", "--platform", "windows-amd64", "--offline", "--no-pip-config");
        assertThat(windows.out()).as(windows.out()).startsWith("DOES NOT INSTALL: pip would fail (No matching distribution found for tensorflow-text==2.16.1)");
        CliTest.Run silicon = CliTest.run("check", req.toString(), "--python", "3.11", "--platform", "macos-arm64", "--offline", "--no-pip-config");
        assertThat(silicon.out()).as(silicon.out()).startsWith("DOES NOT INSTALL");
        CliTest.Run linux = CliTest.run("check", req.toString(), "--python", "3.11", "--offline", "--no-pip-config");
        assertThat(linux.out()).as(linux.out()).doesNotStartWith("DOES NOT INSTALL");
        // tensorflow/text#430: tensorflow-text 2.2.1 on Windows with Python 3.7, "(from versions: none)" on 2020-11-10.
        Path old = Files.writeString(dir.resolve("old.txt"), "tensorflow-text==2.2.1\n");
        CliTest.Run before = CliTest.run("check", old.toString(), "--python", "3.7", "--platform", "windows-amd64", "--offline", "--no-pip-config",
                "--as-of", "2020-11-10");
        assertThat(before.out()).as(before.out()).contains("Could not find a version that satisfies the requirement tensorflow-text==2.2.1 (from versions: none)");
    }

    @Test
    void hubKerasLayerInAKeras3ModelBreaksCodeThatUsesIt() throws Exception {
        // tensorflow/tensorflow#65419: hub.KerasLayer in a tf.keras Sequential under TensorFlow 2.16.1.
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.16.1\ntensorflow-hub\n");
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("model.py"), "import tensorflow as tf\nimport tensorflow_hub as hub\n"
                + "model = tf.keras.Sequential([hub.KerasLayer('https://tfhub.dev/x', input_shape=(224, 224, 3))])\n");
        CliTest.Run uses = CliTest.run("check", req.toString(), "--python", "3.11", "--offline", "--no-pip-config", "--code", src.toString());
        assertThat(uses.out()).as(uses.out()).startsWith("BREAKS").contains("tensorflow-hub-keraslayer-keras-3");
        Files.writeString(src.resolve("model.py"), "import tensorflow_hub as hub\nembed = hub.load('https://tfhub.dev/x')\n");
        CliTest.Run loads = CliTest.run("check", req.toString(), "--python", "3.11", "--offline", "--no-pip-config", "--code", src.toString());
        assertThat(loads.out()).as(loads.out()).doesNotContain("tensorflow-hub-keraslayer-keras-3");
        CliTest.Run error = CliTest.run("diagnose", "--error", "ValueError: Only instances of `keras.Layer` can be added to a Sequential model. "
                + "Received: <tensorflow_hub.keras_layer.KerasLayer object at 0x28ac6d4d0>");
        assertThat(error.out()).as(error.out()).contains("[tensorflow-hub-keraslayer-keras-3]");
    }

    @Test
    void kerasNlpBringsTheTensorflowTextThatPinsItsTensorflow() throws Exception {
        // keras-nlp 0.4.1+ requires tensorflow-text (not on macOS) and no TensorFlow of its own; text pins its minor.
        CliTest.Run r = check("tensorflow==2.15.0\nkeras-nlp==0.7.0\n", "3.10");
        assertThat(r.out()).as(r.out()).contains("tensorflow-text 2.15.0").contains("keras-nlp 0.7.0");
        // keras-team/keras-hub#2159 (2025-03-23): TensorFlow 2.19.0 beside keras-nlp; no tensorflow-text of that day pins 2.19.
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.19.0\nkeras==3.9.0\nkeras-nlp\n");
        CliTest.Run day = CliTest.run("check", req.toString(), "--python", "3.10", "--offline", "--no-pip-config", "--as-of", "2025-03-23");
        assertThat(day.out()).as(day.out()).startsWith("DOES NOT INSTALL").contains("tensorflow-text 2.18.1 depends on tensorflow<2.19")
                // From 0.17 keras-nlp is keras-hub's shim; the chains that end at each tensorflow-text are told once.
                .contains("keras-nlp -> keras-nlp 0.19.2 -> keras-hub 0.19.2 -> tensorflow-text 2.18.1, 2.18.0, 2.17.0,")
                // The releases of that day that say what they need meet at TensorFlow 2.18.1, not at a tensorflow-text
                // that may be missing from the list, nor at TensorFlow 2.3 on Python 3.5.
                .doesNotContain("No set of releases works");
        assertThat(firstFix(day)).contains("tensorflow ==2.19.0 -> ==2.18.1").doesNotContain("Python");
    }

    @Test
    void kerasHubFrom019NeedsKeras3SoPipTakesAnOlderOneBesideKeras2() throws Exception {
        // keras-hub 0.19.1 (setup.py at its tag) requires keras>=3.5; TensorFlow 2.15 requires keras<2.16.
        CliTest.Run r = check("tensorflow==2.15.1\nkeras-hub\n", "3.10");
        assertThat(r.out()).as(r.out()).contains("keras-hub 0.18.1").contains("tensorflow-text 2.15.0").contains("keras 2.15.0");
        CliTest.Run newer = check("tensorflow==2.18.0\nkeras-hub==0.22.2\n", "3.11");
        assertThat(newer.out()).as(newer.out()).contains("keras-hub 0.22.2 requires keras>=3.8");
    }

    @Test
    void tensorflowGanBringsAnUnpinnedTensorflowProbabilityAndNeedsTfEstimator() throws Exception {
        // Newbeeer/Poisson_flow#6 (2022-11-01): tensorflow-gan beside TensorFlow 2.9.0 pulled tensorflow-probability 0.18.0.
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.9.0\ntensorflow-gan==2.1.0\nprotobuf<4\n");
        CliTest.Run r = CliTest.run("check", req.toString(), "--python", "3.9", "--offline", "--no-pip-config", "--as-of", "2022-11-01");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS").contains("tensorflow-probability 0.18.0 works only with tensorflow>=2.10");
        // tensorflow/gan#55: TensorFlow 2.16 has no tf.estimator.
        CliTest.Run estimator = check("tensorflow==2.16.1\ntensorflow-gan==2.1.0\ntensorflow-probability==0.24.0\ntf-keras~=2.16.0\n", "3.11");
        assertThat(estimator.out()).as(estimator.out()).contains("tensorflow-gan-estimator");
    }

    @Test
    void diagnoseNamesTheReleaseLineWhoseMinimumTheMessageQuotes() {
        CliTest.Run r = CliTest.run("diagnose", "--error", "ImportError: This version of TensorFlow Probability requires TensorFlow version"
                + " >= 2.4; Detected an installation of version 2.3.0. Please upgrade TensorFlow to proceed.");
        assertThat(r.out()).as(r.out()).contains("[tensorflow-probability-0.12-needs-tensorflow-2.4]")
                .doesNotContain("tensorflow-probability-0.13-needs").doesNotContain("tensorflow-probability-0.11-needs");
        CliTest.Run hub = CliTest.run("diagnose", "--error", "ImportError: This version of tensorflow_hub requires tensorflow version >= 1.15.0;"
                + " Detected an installation of version 1.14.0.");
        assertThat(hub.out()).as(hub.out()).contains("[tensorflow-hub-0.10-needs-tensorflow-1.15]");
        // tensorflow/text#961: "a version of tensorflow_text that was not built for a particular version of TF".
        CliTest.Run text = CliTest.run("diagnose", "--error", "NotFoundError: /usr/local/lib/python3.7/dist-packages/tensorflow_text/python/"
                + "metrics/_text_similarity_metric_ops.so: undefined symbol: _ZN10tensorflow8OpKernel11TraceStringEPNS_15OpKernelContextEb");
        assertThat(text.out()).as(text.out()).contains("a tensorflow-text built for another TensorFlow").doesNotContain("does not recognise");
    }
}
