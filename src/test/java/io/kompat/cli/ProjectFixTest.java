package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kompat fix --write} on project metadata keeps the file valid and makes it work: the fixed file is read
 * again (a TOML or setup.py that no longer parses is an input error) and checked again. Bundled facts only.
 */
class ProjectFixTest {
    static final String[] OFFLINE = {"--offline", "--no-pip-config"};

    @TempDir
    Path dir;

    private CliTest.Run fixThenCheck(String name, String content, String... target) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        CliTest.Run fix = CliTest.run(CliTest.concat(CliTest.concat(new String[] {"fix", "--write"}, OFFLINE, target), new String[0], file.toString()));
        assertThat(fix.code()).as(fix.out() + fix.err()).isZero();
        assertThat(fix.out()).contains("Applied.");
        return CliTest.run(CliTest.concat(CliTest.concat(new String[] {"check"}, OFFLINE, target), new String[0], file.toString()));
    }

    @Test
    void aPoetryConstraintIsReplacedInItsTable() throws Exception {
        CliTest.Run check = fixThenCheck("pyproject.toml", "[tool.poetry.dependencies]\npython = \"~3.12\"\ntensorflow = \"2.21.0\"\n"
                + "keras = \"^2.2\"  # old\n\n[tool.poetry.group.dev.dependencies]\npytest = \"*\"\n");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        String fixed = Files.readString(dir.resolve("pyproject.toml"));
        assertThat(fixed).doesNotContain("^2.2").containsPattern("(?m)^keras = \"[^\"]+\"  # old$").endsWith("pytest = \"*\"\n");
    }

    @Test
    void aRequirementAddedToPoetryGoesIntoTheMainTable() throws Exception {
        CliTest.Run check = fixThenCheck("pyproject.toml", "[tool.poetry.dependencies]\npython = \"~3.10\"\ntensorflow = \"2.11.1\"\n"
                + "keras = \"^2.2\"\n\n[tool.poetry.group.dev.dependencies]\npytest = \"*\"\n");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(Files.readString(dir.resolve("pyproject.toml"))).contains("keras = \"^2.2\"\nnumpy = \"<2\"\n\n[tool.poetry.group");
    }

    @Test
    void aRequirementAddedToAPep621ArrayKeepsItAnArray() throws Exception {
        CliTest.Run check = fixThenCheck("pyproject.toml", "[project]\nname = \"demo\"\ndependencies = [\n    \"tensorflow==2.11.1\",\n"
                + "    \"keras==2.11.0\"  # with TF\n]\n\n[project.optional-dependencies]\ntest = [\"pytest\"]\n", "--python", "3.10");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(Files.readString(dir.resolve("pyproject.toml"))).contains("    \"keras==2.11.0\",  # with TF\n    \"numpy<2\",\n]\n");
    }

    @Test
    void setupFilesGetTheirOwnSyntax() throws Exception {
        CliTest.Run cfg = fixThenCheck("setup.cfg", "[options]\ninstall_requires =\n    tensorflow==2.11.1\n    keras==2.11.0\n", "--python", "3.10");
        assertThat(cfg.code()).as(cfg.out() + cfg.err()).isZero();
        assertThat(Files.readString(dir.resolve("setup.cfg"))).endsWith("    keras==2.11.0\n    numpy<2\n");
        CliTest.Run py = fixThenCheck("setup.py", "from setuptools import setup\n\nsetup(\n    name='demo',\n    install_requires=[\n"
                + "        'tensorflow==2.11.1',\n        'keras==2.11.0'\n    ],\n)\n", "--python", "3.10");
        assertThat(py.code()).as(py.out() + py.err()).isZero();
        assertThat(Files.readString(dir.resolve("setup.py"))).contains("        'keras==2.11.0',\n        \"numpy<2\",\n    ],");
    }

    @Test
    void anotherToolsLockfileIsNotRewritten() throws Exception {
        Path lock = dir.resolve("poetry.lock");
        String content = "[[package]]\nname = \"tensorflow\"\nversion = \"2.11.1\"\n\n[[package]]\nname = \"keras\"\nversion = \"2.2.4\"\n\n"
                + "[metadata]\nlock-version = \"2.1\"\n";
        Files.writeString(lock, content, StandardCharsets.UTF_8);
        CliTest.Run fix = CliTest.run(CliTest.concat(new String[] {"fix", "--write", "--python", "3.10"}, OFFLINE, lock.toString()));
        assertThat(fix.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(fix.err()).contains("poetry.lock is written by Poetry").contains("nothing was changed");
        assertThat(Files.readString(lock)).isEqualTo(content);
    }
}
