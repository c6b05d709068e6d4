package io.kompat.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
    @TempDir
    Path dir;

    private Manifest read(String name, String content, Map<String, String> env) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new ManifestReader(env::get, CondaNames.bundled()).read(List.of(f), null);
    }

    private Manifest read(String name, String content) throws IOException {
        return read(name, content, Map.of());
    }

    @Test
    void expandsOnlyDefinedUppercaseVariables() throws IOException {
        Manifest m = read("r.txt", "--index-url https://${USER_TOKEN}@host/simple\nfoo==${VER}\nbar${lower}==1\n",
                Map.of("USER_TOKEN", "t0k", "VER", "1.2"));
        assertThat(m.indexOptions().indexUrl()).isEqualTo("https://t0k@host/simple");
        assertThat(m.entries()).extracting(e -> e.specifiers().toString()).containsExactly("==1.2");
        assertThat(m.diagnostics()).anySatisfy(d -> assertThat(d.location().line()).isEqualTo(3));
    }

    @Test
    void hashOnlyCommentsAfterWhitespace() throws IOException {
        Manifest m = read("r.txt", "foo==1.0#not-a-comment\nbar==2.0 # a comment\n   # whole line\n");
        assertThat(m.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location().line()).isEqualTo(1);
        });
        assertThat(m.entries()).extracting(e -> e.name().value()).containsExactly("bar");
    }

    @Test
    void continuationsJoinAndKeepTheFirstLineNumber() throws IOException {
        Manifest m = read("r.txt", "# header\nnumpy>=1.16,\\\n  <1.17 \\\n  ; python_version < '3.8'\nscipy\n");
        assertThat(m.entries()).hasSize(2);
        ManifestEntry numpy = m.entries().get(0);
        assertThat(numpy.location().line()).isEqualTo(2);
        assertThat(numpy.specifiers()).hasToString("<1.17,>=1.16");
        assertThat(numpy.marker()).hasToString("python_version < \"3.8\"");
        assertThat(m.entries().get(1).location().line()).isEqualTo(5);
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        Manifest m = read("r.txt", "a=1\nb==2\nc=3\n-r missing.txt\n");
        assertThat(m.diagnostics()).extracting(d -> d.location().line()).containsExactly(1, 3, 4);
        assertThat(m.diagnostics().get(2).message()).contains("missing.txt");
        assertThat(m.diagnostics().get(0).hint()).isEqualTo("did you mean a==1?");
    }

    @Test
    void condaStyleTripleGetsAHint() throws IOException {
        Manifest m = read("requirements.txt", "tensorflow-gpu=1.15.0=py37h0f0df58_0\nkeras==2.3.1\n");
        assertThat(m.format()).isEqualTo(InputFormat.REQUIREMENTS);
        assertThat(m.diagnostics()).singleElement().satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean tensorflow-gpu==1.15.0?"));
    }

    @Test
    void refusesHugeLinesAndNulBytes() throws IOException {
        Manifest huge = read("r.txt", "numpy==1.0\n" + "x".repeat(InputText.MAX_LINE_CHARS + 1) + "\n");
        assertThat(huge.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("too long");
        });
        Manifest nul = read("r.txt", "numpy==1.0\nkeras\0==2\n");
        assertThat(nul.diagnostics()).singleElement().satisfies(d -> assertThat(d.location()).hasToString(dir.resolve("r.txt") + ":2:6"));
    }

    @Test
    void yamlAliasBombsAreRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        bomb.append("dependencies: *j\n");
        Manifest m = read("environment.yml", bomb.toString());
        assertThat(m.hasErrors()).isTrue();
        assertThat(m.entries()).isEmpty();
    }

    @Test
    void yamlStructureErrorsAreLocated() throws IOException {
        Manifest m = read("environment.yml", "name: x\ndependencies:\n  - numpy=1.19\n  - [nested]\n");
        assertThat(m.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location().line()).isEqualTo(4);
        });
    }

    @Test
    void detectsFormats() throws IOException {
        assertThat(read("x.txt", "# platform: linux-64\nnumpy=1.17.4=py37_0\n").format()).isEqualTo(InputFormat.CONDA_EXPORT);
        assertThat(read("x.txt", "@EXPLICIT\n").format()).isEqualTo(InputFormat.CONDA_EXPLICIT);
        assertThat(read("x.txt", "numpy==1.17.4\nkeras==2.3.1\n").format()).isEqualTo(InputFormat.PIP_FREEZE);
        assertThat(read("x.txt", "numpy>=1.17\n").format()).isEqualTo(InputFormat.REQUIREMENTS);
        assertThat(read("env.yaml", "dependencies: []\n").format()).isEqualTo(InputFormat.CONDA_ENVIRONMENT);
    }

    @Test
    void condaSpecsTranslate() {
        assertThat(CondaSpec.parse("numpy=1.19").toSpecifiers()).hasToString("==1.19.*");
        assertThat(CondaSpec.parse("numpy 1.19.*").toSpecifiers()).hasToString("==1.19.*");
        assertThat(CondaSpec.parse("numpy 1.19*").toSpecifiers()).hasToString("==1.19.*");
        assertThat(CondaSpec.parse("python>=3.7,<3.9").toSpecifiers()).hasToString("<3.9,>=3.7");
        assertThat(CondaSpec.parse("python=3.6.1=2")).satisfies(s -> {
            assertThat(s.version()).isEqualTo("3.6.1");
            assertThat(s.build()).isEqualTo("2");
        });
        assertThat(CondaSpec.parse("conda-forge/linux-64::keras==2.4.3").channel()).isEqualTo("conda-forge/linux-64");
        assertThat(CondaSpec.parse("numpy 1.19|1.20").toSpecifiers()).isNull();
    }

    @Test
    void condaPipIsTheInstallerNotAPackageToCheck() throws IOException {
        Manifest m = read("environment.yml", "name: x\ndependencies:\n  - python=3.10\n  - pip\n  - conda-forge::pip>=23\n  - pip:\n    - keras==2.11.0\n");
        assertThat(m.entries()).extracting(e -> e.name().value()).containsExactly("python", "keras");
        assertThat(m.diagnostics()).hasSize(2).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("pip is the installer");
        }).extracting(d -> d.location().line() + ":" + d.location().column()).containsExactly("4:5", "5:5");
    }

    @Test
    void pipFromPypiInThePipSectionIsStillARequirement() throws IOException {
        Manifest m = read("environment.yml", "dependencies:\n  - pip:\n    - pip==23.1\n");
        assertThat(m.entries()).extracting(e -> e.name().value()).containsExactly("pip");
    }

    @Test
    void aSetupPyThatIsNotPythonIsALocatedError() throws IOException {
        Manifest m = read("setup.py", "from setuptools import setup\nsetup(\n    install_requires=['numpy],\n)\n");
        assertThat(m.entries()).isEmpty();
        assertThat(m.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location()).hasToString(dir.resolve("setup.py") + ":3:23");
            assertThat(d.message()).isEqualTo("unterminated string literal");
        });
    }

    @Test
    void crlfSetupCfgHasTheSameLinesAndColumnsAsLf() throws IOException {
        String lf = "[options]\ninstall_requires =\n    numpy>=1.19\n    keras==2.4.3\n";
        Manifest a = read("setup.cfg", lf);
        Manifest b = read("setup.cfg", "\uFEFF" + lf.replace("\n", "\r\n"));
        assertThat(b.entries()).extracting(e -> e.location().toString() + " " + e.text())
                .isEqualTo(a.entries().stream().map(e -> e.location().toString() + " " + e.text()).toList())
                .hasSize(2);
        assertThat(b.diagnostics()).isEmpty();
    }
}
