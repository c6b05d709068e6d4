package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kompat.testing.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lockfiles made with a package index carry the index's real hashes; pylock.toml needs them for every package. */
class LockIndexTest {
    static final String SIX = "1".repeat(64);
    static final String SIX_SDIST = "2".repeat(64);
    static final String YAML = "3".repeat(64);
    @TempDir
    Path dir;

    FakeIndex index() throws Exception {
        FakeIndex index = new FakeIndex();
        index.release("six", "six-1.16.0-py2.py3-none-any.whl", null).sha256("six-1.16.0-py2.py3-none-any.whl", SIX);
        index.release("six", "six-1.16.0.tar.gz", null).sha256("six-1.16.0.tar.gz", SIX_SDIST);
        index.release("pyyaml", "PyYAML-6.0.1-cp311-cp311-manylinux_2_17_x86_64.whl", null, "six")
                .sha256("PyYAML-6.0.1-cp311-cp311-manylinux_2_17_x86_64.whl", YAML);
        return index;
    }

    String[] args(FakeIndex index, Path req, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("lock", req.toString(), "--python", "3.11", "--no-pip-config", "--no-cache",
                "--index-url", index.url()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void requirementsLockHasEveryFileHashOfEachPin() throws Exception {
        try (FakeIndex index = index()) {
            Path req = dir.resolve("requirements.txt");
            Files.writeString(req, "pyyaml\n");
            CliTest.Run r = CliTest.run(args(index, req));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("# hashes: sha256 of every file the package index serves for each pin.")
                    .contains("pyyaml==6.0.1 \\\n    --hash=sha256:" + YAML + "\n")
                    .contains("six==1.16.0 \\\n    --hash=sha256:" + SIX + " \\\n    --hash=sha256:" + SIX_SDIST + "\n");
        }
    }

    @Test
    void pylockIsWrittenFromIndexFiles() throws Exception {
        try (FakeIndex index = index()) {
            Path req = dir.resolve("requirements.txt");
            Files.writeString(req, "pyyaml\n");
            Path out = dir.resolve("pylock.toml");
            CliTest.Run r = CliTest.run(args(index, req, "--lock-format", "pylock", "-o", out.toString()));
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode lock = new TomlMapper().readTree(out.toFile());
            assertThat(lock.get("lock-version").asText()).isEqualTo("1.0");
            assertThat(lock.get("requires-python").asText()).isEqualTo("==3.11.*");
            assertThat(lock.get("packages").findValuesAsText("name")).contains("pyyaml", "six");
            JsonNode six = lock.get("packages").get(1);
            assertThat(six.get("name").asText()).isEqualTo("six");
            assertThat(six.get("sdist").get("hashes").get("sha256").asText()).isEqualTo(SIX_SDIST);
            assertThat(six.get("wheels").get(0).get("url").asText()).endsWith("/files/six-1.16.0-py2.py3-none-any.whl");
            assertThat(six.get("wheels").get(0).get("hashes").get("sha256").asText()).isEqualTo(SIX);
            // kompat reads its own pylock back: the pins, their hashes and the target Python.
            CliTest.Run check = CliTest.run("check", out.toString(), "--no-pip-config", "--no-index", "--format", "json");
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
            assertThat(report.toString()).contains("3.11").contains("pyyaml").contains("six");
        }
    }

    @Test
    void pylockWithoutIndexDataIsRefusedNotInvented() throws Exception {
        Path req = dir.resolve("requirements.txt");
        Files.writeString(req, "kx==2.3.1\ntx==1.15.5\nhx<3\n");
        Path out = dir.resolve("pylock.toml");
        CliTest.Run r = CliTest.run("lock", req.toString(), "--python", "3.7", "--matrix", CliTest.FIXTURE, "--no-pip-config", "--no-index",
                "--lock-format", "pylock", "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INDEX_UNREACHABLE);
        assertThat(r.err()).contains("needs index files with hashes for every package").contains("kx").contains("tx");
        assertThat(out).doesNotExist();
    }
}
