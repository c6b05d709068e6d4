package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEP 751 lockfiles as input: pins with hashes, located at their name lines; bad TOML is a located error. */
class PylockParserTest {
    @TempDir
    Path dir;

    Manifest read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return ManifestReader.standard().read(List.of(f), null);
    }

    @Test
    void packagesBecomeHashedPins() throws Exception {
        Manifest m = read("pylock.toml", """
                lock-version = "1.0"
                requires-python = "==3.11.*"
                created-by = "somebody"

                [[packages]]
                name = "Keras"
                version = "3.15.1"
                wheels = [{ name = "keras-3.15.1-py3-none-any.whl", url = "https://x/k.whl", hashes = { sha256 = "aa" } }]

                [[packages]]
                # comment
                name = "numpy"
                version = "2.3.0"
                marker = "python_version >= '3.11'"
                sdist = { name = "numpy-2.3.0.tar.gz", url = "https://x/n.tar.gz", hashes = { sha256 = "bb" } }
                """);
        assertThat(m.hasErrors()).as(m.diagnostics().toString()).isFalse();
        assertThat(m.format()).isEqualTo(InputFormat.PYLOCK);
        assertThat(m.python()).contains("3.11");
        assertThat(m.entries()).hasSize(2);
        ManifestEntry keras = m.entries().get(0);
        assertThat(keras.name().value()).isEqualTo("keras");
        assertThat(keras.specifiers().toString()).isEqualTo("==3.15.1");
        assertThat(keras.hashes()).containsExactly("sha256:aa");
        assertThat(keras.location().line()).isEqualTo(6);
        ManifestEntry numpy = m.entries().get(1);
        assertThat(numpy.location().line()).isEqualTo(12);
        assertThat(numpy.marker()).isNotNull();
        assertThat(numpy.hashes()).containsExactly("sha256:bb");
    }

    @Test
    void invalidTomlAndVersionsAreLocatedErrors() throws Exception {
        Manifest bad = read("pylock.toml", "lock-version = \"1.0\"\n[[packages]]\nname = \"x\"\nversion = \n");
        assertThat(bad.hasErrors()).isTrue();
        assertThat(bad.diagnostics().get(0).location().line()).isEqualTo(4);
        assertThat(bad.diagnostics().get(0).message()).startsWith("invalid TOML");
        Manifest future = read("pylock.dev.toml", "lock-version = \"2.0\"\n");
        assertThat(future.diagnostics().get(0).message()).contains("unsupported lock-version '2.0'");
        Manifest version = read("pylock.toml", "lock-version = \"1.0\"\n[[packages]]\nname = \"x\"\nversion = \"not a version\"\n");
        assertThat(version.diagnostics().get(0).message()).contains("invalid version of x");
        assertThat(version.diagnostics().get(0).location().line()).isEqualTo(4);
    }
}
