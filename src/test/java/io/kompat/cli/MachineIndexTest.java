package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On machines where pip is configured with a local wheel index that has keras, {@code kompat index show
 * keras} finds it through pip's own configuration. Runs kompat as a child process with the machine's real
 * environment (the test JVM's environment hides pip's configuration to keep every other test hermetic);
 * skipped where no such index is configured. Reads local files only.
 */
class MachineIndexTest {
    @Test
    void indexShowFindsKerasWherePipIsConfiguredToLook() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/opt/pypi/simple/keras/index.html")), "no local wheel index with keras on this machine");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "index", "show", "keras", "--offline",
                "--cache-dir", Files.createTempDirectory("kompat-machine").toString()).redirectErrorStream(true);
        for (String k : List.of("PIP_CONFIG_FILE", "PIP_NO_INDEX", "PIP_FIND_LINKS", "NETRC")) {
            pb.environment().remove(k);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(out.contains("/opt/pypi/simple"), "pip is not configured with /opt/pypi/simple here:\n" + out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("\\n  3\\.\\d+\\.\\d+ ");
    }
}
