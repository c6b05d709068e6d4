package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real virtualenv made with {@code python3 -m venv}, wheels built here installed into it by its own pip
 * ({@code --no-deps}, so some requirements stay unmet), then read without running its Python: what kompat
 * says is unmet must be exactly what the virtualenv's own {@code pip check} prints. Skipped where python3 or
 * its venv module is not available.
 */
class RealVirtualenvTest {

    @Test
    void unmetRequirementsAreWhatPipCheckPrints(@TempDir Path dir) throws Exception {
        Path venv = dir.resolve("venv");
        assumeTrue(run(List.of("python3", "-m", "venv", venv.toString()), 120).exitCode() == 0, "python3 -m venv is not available");
        Path pip = venv.resolve("bin").resolve("pip");
        List<String> install = new ArrayList<>(List.of(pip.toString(), "install", "--no-deps", "--no-index", "--disable-pip-version-check", "-q"));
        install.add(TestWheels.write(dir, "Alpha_Pkg", "1.0", "Beta>=2.0", "gamma", "delta ; python_version < '3'", "beta[fast] ; extra == 'x'").toString());
        install.add(TestWheels.write(dir, "beta", "1.5").toString());
        install.add(TestWheels.write(dir, "epsilon", "0.1", "alpha-pkg<1", "beta!=1.5").toString());
        Result installed = run(install, 300);
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        Result check = run(List.of(pip.toString(), "check", "--disable-pip-version-check"), 120);
        Set<String> expected = new TreeSet<>();
        for (String line : check.output().split("\n")) {
            if (line.contains(" requires ") || line.contains(" has requirement ")) {
                expected.add(line.strip());
            }
        }
        InstalledEnvironment env = InstalledEnvironment.read(venv, CondaNames.bundled());
        Set<String> actual = new TreeSet<>();
        env.unmet().forEach(d -> actual.add(d.message()));

        assertThat(expected).as("pip check found problems to compare with").isNotEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(env.manifest().hasErrors()).isFalse();
        assertThat(env.manifest().entries()).extracting(e -> e.name().value()).contains("alpha-pkg", "beta", "epsilon", "pip");
        assertThat(env.manifest().pythonHint()).matches("3\\.\\d+\\.\\d+");
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
