package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kompat check --code DIR}: the project's sources checked against the predicted install, on the bundled facts. */
class CheckCodeTest {
    @TempDir
    Path dir;

    private Path project(String code) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("model.py"), code);
        return src;
    }

    @Test
    void aNameTheInstallLacksBreaksAnInstallTheRulesAccept() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.15.1\nnumpy<2\nprotobuf<4\n");
        Path src = project("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n");
        CliTest.Run without = CliTest.run("check", req.toString(), "--python", "3.10", "--offline", "--no-pip-config");
        CliTest.Run with = CliTest.run("check", req.toString(), "--python", "3.10", "--offline", "--no-pip-config", "--code", src.toString());
        assertThat(without.out()).startsWith("WORKS");
        assertThat(with.code()).as(with.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(with.out()).startsWith("BREAKS")
                .contains("the project's code; pip knows neither")
                .contains("model.py:2: tensorflow has no 'placeholder'")
                .contains("tensorflow.compat.v1.placeholder");
    }

    @Test
    void codeThatTheInstallProvidesLeavesTheVerdictAndSaysSo() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.15.1\nnumpy<2\nprotobuf<4\n");
        Path src = project("import tensorflow as tf\nx = tf.constant(1)\n");
        CliTest.Run with = CliTest.run("check", req.toString(), "--python", "3.10", "--offline", "--no-pip-config", "--code", src.toString());
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
    void aMissingFolderIsAOneLineErrorWithExitTwo() throws Exception {
        Path req = Files.writeString(dir.resolve("requirements.txt"), "tensorflow==2.15.1\n");
        CliTest.Run r = CliTest.run("check", req.toString(), "--offline", "--no-pip-config", "--code", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("not a directory");
    }
}
