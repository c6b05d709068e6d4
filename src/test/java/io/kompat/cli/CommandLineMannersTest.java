package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.audit.AuditResult;
import io.kompat.audit.Finding;
import io.kompat.report.AuditReports;
import io.kompat.requirement.Platform;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Standard input, colour, --quiet, platform aliases, usage without arguments, lock's help, JUnit warnings. */
class CommandLineMannersTest {
    private static final String EXAMPLE = "examples/tf1-keras-mismatch/requirements.txt";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void noArgumentsPrintsUsageOnStandardErrorAndExits2() {
        Run r = run();
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: kompat", "check", "audit", "matrix");
    }

    /** An unknown or unsupported format is a one-line usage error naming the formats the command writes, before any input is read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check --format xml missing.txt                 | unknown format 'xml' (known: text, json, sarif, junit, markdown, html)",
        "check --format html missing.txt                | does not write format 'html' (known: text, json, sarif, junit, markdown)",
        "diagnose --format sarif --error x              | does not write format 'sarif' (known: text, json)",
        "matrix --format junit                          | does not write format 'junit' (known: text, json, markdown, html)",
        "lock --lock-format toml missing.txt            | unknown lock format 'toml' (known: requirements, json, pylock, conda)",
        "audit --output yaml=report.yaml missing-folder | unknown format 'yaml'",
        "audit --fail-on note missing-folder            | --fail-on takes error or warning, not 'note'",
        "check --timeout 0 missing.txt                  | --timeout takes a number of seconds from 1 to 86400, not 0"})
    void formatsAreCheckedBeforeAnythingIsRead(String args, String message) {
        Run r = run(args.strip().split(" +"));
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("kompat: ").contains(message).doesNotContain("Exception", "\tat ").doesNotContain("missing");
    }

    @Test
    void dashReadsStandardInputLikeTheFile() throws Exception {
        Run fromFile = run("check", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE);
        InputStream saved = System.in;
        Run fromStdin;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(EXAMPLE))));
            fromStdin = run("check", "--offline", "--no-pip-config", "--python", "3.7", "-");
        } finally {
            System.setIn(saved);
        }
        assertThat(fromStdin.code()).isEqualTo(fromFile.code()).isEqualTo(ExitCode.FINDINGS);
        // The same report, with standard input named "-" where the file's name stood.
        assertThat(fromStdin.out()).contains("-:7: Keras==2.2.4 -> keras 2.2.4");
        assertThat(fromStdin.out().replace("\n  - for", "\n  " + EXAMPLE + " for").replace("(-:", "(" + EXAMPLE + ":")
                .replace(" -:", " " + EXAMPLE + ":")).isEqualTo(fromFile.out());
    }

    @Test
    void anInputErrorOnStandardInputIsLocated() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("numpy==1.19\ntensorflow=1.15\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("check", "--offline", "--no-pip-config", "-");
            assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("-:2:11: error").contains("did you mean tensorflow==1.15?");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void quietPrintsNoReportButKeepsTheExitCode() {
        Run loud = run("check", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE);
        Run quiet = run("check", "--quiet", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE);
        assertThat(loud.out()).isNotEmpty();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.code()).isEqualTo(loud.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run("-q", "matrix").out()).isEmpty();
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminalWithoutNoColor() {
        Run always = run("check", "--color=always", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE);
        assertThat(always.out()).contains("\u001b[1;31mDOES NOT INSTALL\u001b[0m:");
        Run never = run("check", "--color", "never", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE);
        assertThat(never.out()).doesNotContain("\u001b[").startsWith("DOES NOT INSTALL:");
        // Tests have no terminal: auto means none.
        assertThat(run("check", "--offline", "--no-pip-config", "--python", "3.7", EXAMPLE).out()).doesNotContain("\u001b[");
        assertThat(OutputStyle.colour("auto", true, null, "xterm")).isTrue();
        assertThat(OutputStyle.colour("auto", true, "", "xterm")).isTrue();
        assertThat(OutputStyle.colour("auto", true, "1", "xterm")).isFalse();
        assertThat(OutputStyle.colour("auto", true, null, "dumb")).isFalse();
        assertThat(OutputStyle.colour("auto", false, null, "xterm")).isFalse();
        assertThat(OutputStyle.colour("always", false, "1", "dumb")).isTrue();
        assertThat(OutputStyle.colour("never", true, null, "xterm")).isFalse();
        Run bad = run("check", "--color=sometimes", EXAMPLE);
        assertThat(bad.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("--color takes auto, always or never");
        assertThat(OutputStyle.colourLine("x.txt:3: warning KMP201: old")).isEqualTo("x.txt:3: \u001b[33mwarning\u001b[0m KMP201: old");
    }

    @ParameterizedTest
    @CsvSource({
        "linux-x86_64, linux-x86_64", "x86_64, linux-x86_64", "amd64, linux-x86_64", "manylinux2014_x86_64, linux-x86_64",
        "manylinux_2_17_x86_64, linux-x86_64", "linux-64, linux-x86_64", "linux/amd64, linux-x86_64",
        "linux-arm64, linux-aarch64", "aarch64, linux-aarch64", "linux_aarch64, linux-aarch64", "manylinux2014_aarch64, linux-aarch64",
        "linux/arm64, linux-aarch64", "LINUX-AARCH64, linux-aarch64",
        "arm64, macos-arm64", "macosx_11_0_arm64, macos-arm64", "osx-arm64, macos-arm64", "darwin-arm64, macos-arm64",
        "macosx_10_9_x86_64, macos-x86_64", "osx-64, macos-x86_64", "darwin-x86_64, macos-x86_64",
        "win_amd64, windows-amd64", "win-64, windows-amd64", "windows, windows-amd64", "windows-x86_64, windows-amd64",
    })
    void platformAliases(String alias, String id) {
        assertThat(Platform.parse(alias).id()).isEqualTo(id);
    }

    @Test
    void unknownPlatformsListTheKnownOnes() {
        assertThatThrownBy(() -> Platform.parse("win32")).hasMessageContaining("known: linux-x86_64");
        assertThatThrownBy(() -> Platform.parse("sparc")).hasMessageContaining("unknown platform 'sparc'");
        Run r = run("check", "--platform", "macosx_11_0_arm64", "--offline", "--no-pip-config", "--python", "3.9", EXAMPLE);
        assertThat(r.out()).contains("on macos-arm64");
    }

    @Test
    void lockHelpListsEveryFormat() {
        Run r = run("lock", "--help");
        assertThat(r.code()).isZero();
        for (String format : List.of("requirements", "json", "pylock", "conda")) {
            assertThat(r.out()).contains(format);
        }
    }

    @Test
    void junitReportsWarningsAsPropertiesAndErrorsAsFailures() {
        AuditResult result = new AuditResult(List.of("r.txt"), List.of(
                new Finding("KMP201", Finding.Level.WARNING, "r.txt", 3, "Python 3.6 is past its end of life", null, "move on", List.of()),
                new Finding("KMP101", Finding.Level.ERROR, "r.txt", 7, "does not resolve", "because", "pin it", List.of())), "m");
        String xml = AuditReports.render(result, io.kompat.report.ReportFormat.JUNIT);
        assertThat(xml).contains("failures=\"1\"");
        assertThat(xml).contains("<property name=\"warning\" value=\"r.txt:3: Python 3.6 is past its end of life Fix: move on\"/>");
        assertThat(xml).contains("<failure type=\"error\" message=\"does not resolve\">");
        assertThat(xml).doesNotContain("<failure type=\"warning\"");
    }
}
