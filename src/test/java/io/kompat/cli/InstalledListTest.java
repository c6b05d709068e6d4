package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pip freeze given as one ({@code --input-format pip-freeze}) is an environment that exists: it is judged as it
 * stands, not as pip would resolve it. Environments grow one install at a time: tensorflow-probability#1774's user
 * had TensorFlow 2.15.0 and tensorflow-probability 0.23.0, then installed keras 3.0.0, and the import failed.
 */
class InstalledListTest {
    @TempDir
    Path dir;

    private static final String FREEZE = String.join("\n", "tensorflow==2.15.0", "keras==3.0.0", "tensorflow-probability==0.23.0",
            "numpy==1.26.4", "h5py==3.10.0", "") ;

    private CliTest.Run check(String... more) throws Exception {
        Path freeze = Files.writeString(dir.resolve("freeze.txt"), FREEZE);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", freeze.toString(), "--python", "3.10", "--offline",
                "--no-pip-config"));
        args.addAll(java.util.List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void whatPipFreezeLeavesOutIsNotReportedMissing() throws Exception {
        // pip freeze lists pip, setuptools and wheel only with --all; tensorboard 2.15.2 requires setuptools.
        Path freeze = Files.writeString(dir.resolve("tb.txt"), "tensorboard==2.15.2\nnumpy==1.26.4\nprotobuf==4.23.4\n");
        CliTest.Run r = CliTest.run("check", freeze.toString(), "--python", "3.10", "--offline", "--no-pip-config", "--input-format", "pip-freeze");
        assertThat(r.out()).as(r.out()).contains("tensorboard 2.15.2 requires markdown").doesNotContain("requires setuptools");
    }

    @Test
    void asAnInstallListPipRefusesIt() throws Exception {
        assertThat(check().out()).startsWith("DOES NOT INSTALL: pip would fail (ResolutionImpossible).");
    }

    @Test
    void asAnInstalledEnvironmentItBreaksAtRunTimeAndMeetsNotItsOwnRequirements() throws Exception {
        CliTest.Run r = check("--input-format", "pip-freeze");
        assertThat(r.out()).as(r.out()).startsWith("BREAKS: as installed, it fails")
                .contains("tensorflow-probability 0.23.0 breaks with keras>=3")
                .contains("tensorflow 2.15.0 requires keras<2.16,>=2.15.0, but keras 3.0.0 is installed")
                .contains("keras 3.0.0 requires namex, but it is not installed")
                .doesNotContain("DOES NOT INSTALL");
        // The fix is what makes a fresh install of the list work; the environment keeps its Python.
        assertThat(r.out().substring(r.out().indexOf("Fixes ("))).contains("keras ==3.0.0 -> ==2.15.0").doesNotContain("use Python");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);

        CliTest.Run json = check("--input-format", "pip-freeze", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("verdict").asText()).isEqualTo("breaks");
        assertThat(root.toString()).contains("\"kind\":\"unmet\"");
        OutputSchemaTest.assertValid(OutputSchemaTest.schema("kompat.check-2.schema.json"), json.out());
    }
}
