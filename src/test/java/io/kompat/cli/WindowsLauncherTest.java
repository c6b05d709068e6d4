package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.manifest.CondaNames;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows: {@code scripts/kompat.cmd} keeps the contract of {@code scripts/kompat} (checked as text: cmd.exe
 * is not available here), and files written on Windows (CRLF line ends, backslash-free paths with spaces)
 * are read with the same lines and columns as their LF twins.
 */
class WindowsLauncherTest {
    private static final Path CMD = Path.of("scripts", "kompat.cmd");
    private static final Path SH = Path.of("scripts", "kompat");

    @TempDir
    Path dir;

    @Test
    void theCmdLauncherHasCrlfLineEndsOnly() throws IOException {
        byte[] bytes = Files.readAllBytes(CMD);
        assertThat(bytes.length).isPositive();
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] & 0xff).as("byte %d is ASCII", i).isLessThan(0x80);
            if (bytes[i] == '\n') {
                assertThat(i > 0 && bytes[i - 1] == '\r').as("LF at byte %d follows a CR", i).isTrue();
            }
        }
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        assertThat(Files.readString(Path.of(".gitattributes"))).contains("*.cmd text eol=crlf");
    }

    @Test
    void theCmdLauncherRunsTheSameJarWithTheSameJvmOptions() throws IOException {
        String sh = Files.readString(SH);
        String cmd = Files.readString(CMD).replace("\r\n", "\n");
        Matcher opts = Pattern.compile("opts=\\(([^)]*)\\)").matcher(sh);
        assertThat(opts.find()).isTrue();
        List<String> shOptions = List.of(opts.group(1).trim().split("\\s+"));
        Matcher java = Pattern.compile("(?m)^java (.*) -jar \"%KOMPAT_JAR%\" %\\*$").matcher(cmd);
        assertThat(java.find()).as("cmd runs java -jar on the jar with every argument").isTrue();
        assertThat(List.of(java.group(1).trim().split("\\s+"))).isEqualTo(shOptions);
        // The same jar, built the same way, and rebuilt when the same inputs are newer.
        assertThat(sh).contains("target/kompat.jar", "./mvnw -q -B -DskipTests package");
        assertThat(cmd).contains("target\\kompat.jar", "mvnw.cmd -q -B -DskipTests package");
        for (String input : List.of("src", "main", "compatibility-matrix", "pom.xml")) {
            assertThat(sh).contains(input);
            assertThat(cmd).contains(input);
        }
        // kompat's exit code is the launcher's; a failed build is an internal error (4), with a line on stderr.
        assertThat(cmd).contains("exit /b %ERRORLEVEL%", "exit /b 4", "1>&2");
        assertThat(cmd.lines().findFirst().orElseThrow()).isEqualTo("@echo off");
    }

    private Manifest read(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new ManifestReader(Map.<String, String>of()::get, CondaNames.bundled()).read(List.of(f), null);
    }

    private static List<String> errors(Manifest m) {
        return m.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.location().line() + ":" + d.location().column() + " " + d.message() + " | " + d.hint()).toList();
    }

    @Test
    void crlfRequirementsHaveTheSameLinesAndColumnsAsLf() throws IOException {
        String lf = "# Windows\nnumpy==1.19.5\n  keras>=2.2,,<2.3\ntensorflow=1.15 \\\n  ; python_version < \"3.8\"\n";
        Manifest unix = read("unix.txt", lf);
        Manifest windows = read("windows.txt", lf.replace("\n", "\r\n"));
        assertThat(errors(unix)).isNotEmpty();
        assertThat(errors(windows)).isEqualTo(errors(unix));
        // No carriage return leaks into a value, a message or a shown line.
        assertThat(windows.entries()).extracting(e -> e.name().value()).containsExactly("numpy");
        assertThat(windows.diagnostics()).allSatisfy(d -> assertThat(d.render()).doesNotContain("\r"));
        Diagnostic keras = windows.diagnostics().stream().filter(d -> d.location().line() == 3).findFirst().orElseThrow();
        assertThat(keras.location().column()).isGreaterThan(2);
        assertThat(keras.sourceLine()).isEqualTo("  keras>=2.2,,<2.3");
    }

    @Test
    void crlfFilesWithIncludesInFoldersWithSpacesCheckLikeLf() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("My Project").resolve("reqs"));
        Files.writeString(folder.resolve("base.txt"), "keras==2.2.4\r\n", StandardCharsets.UTF_8);
        Path main = folder.resolve("requirements.txt");
        Files.writeString(main, "-r base.txt\r\ntensorflow==2.4.0\r\n", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--offline", "--no-pip-config", "--python", "3.7", "--platform", "win_amd64", main.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(out.toString()).contains("windows-amd64", "base.txt:1", main + ":2").doesNotContain("\r");
    }
}
