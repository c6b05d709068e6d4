package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.testing.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-locking keeps the existing lock's pins; --upgrade-package moves one package and only what must follow it. */
class LockUpgradeTest {
    @TempDir
    Path dir;

    CliTest.Run lock(FakeIndex index, Path req, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("lock", req.toString(), "--python", "3.11", "--no-pip-config", "--no-cache",
                "--index-url", index.url(), "-o", out.toString()));
        a.addAll(List.of(more));
        return CliTest.run(a.toArray(String[]::new));
    }

    @Test
    void keepsPinsAndUpgradesOnlyWhatIsAsked() throws Exception {
        try (FakeIndex index = new FakeIndex()) {
            index.release("six", "six-1.15.0-py2.py3-none-any.whl", null);
            index.release("six", "six-1.16.0-py2.py3-none-any.whl", null);
            index.release("idna", "idna-3.6-py3-none-any.whl", null);
            index.release("idna", "idna-3.7-py3-none-any.whl", null);
            index.release("pyyaml", "PyYAML-6.0.1-py3-none-any.whl", null, "six>=1.15");
            index.release("pyyaml", "PyYAML-6.0.2-py3-none-any.whl", null, "six>=1.16");
            Path req = dir.resolve("requirements.txt");
            Files.writeString(req, "pyyaml<6.0.2\nidna\n");
            Path out = dir.resolve("requirements.lock");
            assertThat(lock(index, req, out).code()).isZero();
            assertThat(Files.readString(out)).contains("six==1.16.0").contains("idna==3.7").contains("pyyaml==6.0.1");

            // An older lock: its pins stay while they fit.
            Files.writeString(out, Files.readString(out).replace("six==1.16.0", "six==1.15.0").replace("idna==3.7", "idna==3.6"));
            CliTest.Run again = lock(index, req, out);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.err()).contains("kept 3 of 3 pins");
            assertThat(Files.readString(out)).contains("six==1.15.0").contains("idna==3.6");

            CliTest.Run one = lock(index, req, out, "--upgrade-package", "idna");
            assertThat(one.err()).contains("kept 2 of 2 pins");
            assertThat(Files.readString(out)).contains("six==1.15.0").contains("idna==3.7");

            // The requirements move on: pyyaml 6.0.2 needs a newer six, so six follows; idna stays.
            Files.writeString(out, Files.readString(out).replace("idna==3.7", "idna==3.6"));
            Files.writeString(req, "pyyaml>=6.0.2\nidna\n");
            CliTest.Run moved = lock(index, req, out);
            assertThat(moved.code()).as(moved.err()).isZero();
            assertThat(moved.err()).contains("changed: pyyaml 6.0.1 -> 6.0.2, six 1.15.0 -> 1.16.0");
            assertThat(Files.readString(out)).contains("idna==3.6").contains("six==1.16.0").contains("pyyaml==6.0.2");

            assertThat(lock(index, req, out, "--upgrade").code()).isZero();
            assertThat(Files.readString(out)).contains("idna==3.7");
        }
    }
}
