package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process: output streams and exit codes. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void invalidInputExitsTwoWithLocatedOneLineErrorsAndNoStackTrace() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\ntensorflow=1.15\n");
        Run r = run("check", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains(f + ":2:11: error: invalid requirement 'tensorflow=1.15'")
                .contains("did you mean tensorflow==1.15?").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileAndBinaryGarbageExitTwo() throws Exception {
        assertThat(run("check", dir.resolve("nope.txt").toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        Path bin = dir.resolve("blob.txt");
        Files.write(bin, new byte[] {'a', '=', '=', '1', '\n', (byte) 0xC3, (byte) 0x28, 0, 1, 2});
        Run r = run("check", bin.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains(bin + ":2:1: error: not UTF-8 text");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("check").code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("frobnicate").code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("check", "--input-format", "bogus", "x.txt").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void consistentInputExitsZeroAndListsWhatWasNotChecked() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\n-e ./local\n");
        Run r = run("check", "--python", "3.7", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("OK: the requirements are consistent").contains("keras ==2.2.4").contains("Not checked:")
                .contains("unknown until it is built");
    }

    @Test
    void conflictExitsOneWithExplanationAndFix() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\ntensorflow==2.4.0\n");
        Run r = run("check", "--python", "3.7", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("CONFLICT").contains(f + ":2 asks for tensorflow 2.4.0")
                .contains("tensorflow ==2.4.0 -> ==1.15.5");
    }

    @Test
    void jsonReportFollowsTheContract() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\ntensorflow==2.4.0\n");
        Path out = dir.resolve("report.json");
        Run r = run("check", "--python", "3.7", "--format", "json", "--output", out.toString(), f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("kompat.check/1");
        assertThat(json.get("target").get("python").asText()).isEqualTo("3.7");
        assertThat(json.get("target").get("platform").asText()).isEqualTo("linux-x86_64");
        assertThat(json.get("consistent").asBoolean()).isFalse();
        var finding = json.get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("KMP101");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("location").get("file").asText()).isEqualTo(f.toString());
        assertThat(finding.get("sources").size()).isPositive();
        assertThat(json.get("proposals")).anySatisfy(p -> {
            assertThat(p.get("changes").get(0).get("package").asText()).isEqualTo("tensorflow");
            assertThat(p.get("changes").get(0).get("from").asText()).isEqualTo("==2.4.0");
            assertThat(p.get("changes").get(0).get("to").asText()).isEqualTo("==1.15.5");
            assertThat(p.get("changes").get(0).get("line").asInt()).isEqualTo(2);
            assertThat(p.get("resolution").get("keras").asText()).isEqualTo("2.2.4");
        });
        assertThat(json.get("unchecked").isArray()).isTrue();
    }

    @Test
    void invalidTargetOptionsExitTwo() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras\n");
        assertThat(run("check", "--python", "three", f.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("check", "--platform", "solaris", f.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("check", "--format", "xml", f.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("check", "--matrix", dir.resolve("nope").toString(), f.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void matrixQueriesAndValidation() throws Exception {
        Run k = run("matrix", "keras==2.2.4");
        assertThat(k.code()).isEqualTo(ExitCode.OK);
        assertThat(k.out()).contains("Works only with tensorflow").contains("<2.0").contains("Backends: tensorflow, theano, cntk");
        Run tf = run("matrix", "tensorflow==1.15.0", "--format", "json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tf.out());
        assertThat(json.get("release").get("rules").findValuesAsText("linux-x86_64")).anySatisfy(p -> assertThat(p).contains("<3.8"));
        assertThat(run("matrix", "tensorflow==2.12.0").out())
                .contains("On linux-aarch64: requires tensorflow-cpu-aws of the same version  [tensorflow-linux-aarch64-installs-tensorflow-cpu-aws;");
        assertThat(run("matrix", "tensorflow-cpu-aws==2.11.1").out()).as("no relation of a package to itself")
                .contains("Python: linux-aarch64 ==3.7.*").doesNotContain("requires tensorflow-cpu-aws")
                .contains("On linux-x86_64, macos-arm64, macos-x86_64, windows-amd64: cannot be installed: tensorflow-cpu-aws is AWS's build");
        assertThat(run("matrix", "no-such-package").code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("matrix", "validate").code()).isEqualTo(ExitCode.OK);
        Path bad = dir.resolve("m");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("x.yaml"), "schema: kompat.matrix/1\nrules:\n  - id: r\n    package: keras\n    requires: {numpy: \">=1\"}\n");
        Run v = run("matrix", "validate", bad.toString());
        assertThat(v.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(v.err()).contains(bad.resolve("x.yaml") + ":3:");
    }

    @Test
    void fixShowsADiffAndWritesAtomicallyKeepingFormatting() throws Exception {
        Path f = dir.resolve("requirements.txt");
        String original = "# model deps\r\nKeras==2.2.4  # pinned in 2019\r\n\r\ntensorflow==2.4.0 ; python_version < \"3.9\"\r\n";
        Files.writeString(f, original);
        Run shown = run("fix", "--python", "3.7", f.toString());
        assertThat(shown.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(shown.out()).contains("-Keras==2.2.4  # pinned in 2019").contains("+Keras==2.4.3  # pinned in 2019")
                .contains("--write");
        assertThat(Files.readString(f)).isEqualTo(original);
        Run written = run("fix", "--python", "3.7", "--write", f.toString());
        assertThat(written.code()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(f)).isEqualTo(original.replace("Keras==2.2.4", "Keras==2.4.3"));
        assertThat(run("check", "--python", "3.7", f.toString()).code()).isEqualTo(ExitCode.OK);
        assertThat(run("fix", "--python", "3.7", f.toString()).out()).contains("nothing to change");
    }

    @Test
    void fixOnAReadOnlyFileFailsCleanlyAndKeepsIt() throws Exception {
        Path sub = dir.resolve("ro");
        Files.createDirectories(sub);
        Path f = sub.resolve("requirements.txt");
        Files.writeString(f, "Keras==2.2.4\ntensorflow==2.4.0\n");
        sub.toFile().setWritable(false);
        try {
            Run r = run("fix", "--python", "3.7", "--write", f.toString());
            if (sub.toFile().canWrite()) {
                return; // running as a user that ignores permissions: nothing to observe
            }
            assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("cannot write").contains("unchanged");
            assertThat(Files.readString(f)).isEqualTo("Keras==2.2.4\ntensorflow==2.4.0\n");
        } finally {
            sub.toFile().setWritable(true);
        }
    }

    @Test
    void diagnoseInTextAndJson() throws Exception {
        Run text = run("diagnose", "--python", "3.7", "--error", "AttributeError: module 'keras.backend' has no attribute 'get_session'");
        assertThat(text.code()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Pins that make the code work as written").contains("tf.compat.v1.keras.backend.get_session");
        Run json = run("diagnose", "--format", "json", "--traceback", "src/test/resources/diagnose/tracebacks/tf-placeholder.txt");
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(node.get("schema").asText()).isEqualTo("kompat.diagnose/1");
        assertThat(node.get("diagnoses").get(0).get("recognised").asBoolean()).isTrue();
        assertThat(node.get("diagnoses").get(0).get("pins").get("resolved").get(0).asText()).isEqualTo("tensorflow==1.15.5");
        Run unknown = run("diagnose", "--error", "ValueError: no idea");
        assertThat(unknown.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(unknown.out()).contains("does not recognise");
        assertThat(run("diagnose").code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("diagnose", "--traceback", dir.resolve("missing.txt").toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        Run scan = run("diagnose", "--scan", "src/test/resources/diagnose/tf1-project", "--python", "3.12",
                "src/test/resources/diagnose/tf1-project/requirements-keras3.txt");
        assertThat(scan.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(scan.out()).contains("net.py:19: keras.backend of keras 3.15.1 has no 'get_session'");
    }

    @Test
    void lockPinsTheClosureDeterministicallyAndNeverInventsHashes() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "tensorflow==1.15.5\nkeras==2.3.1\n");
        Path lock = dir.resolve("requirements.lock");
        assertThat(run("lock", "--python", "3.7", "-o", lock.toString(), f.toString()).code()).isEqualTo(ExitCode.OK);
        String first = Files.readString(lock);
        assertThat(run("lock", "--python", "3.7", "-o", lock.toString(), f.toString()).code()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(lock)).isEqualTo(first);
        assertThat(first).contains("# target: Python 3.7 on linux-x86_64").contains("# hashes: none").doesNotContainPattern("--hash=")
                .contains("keras==2.3.1\n").contains("tensorflow==1.15.5\n").contains("numpy>=1.16.0,<1.19\n");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run("lock", "--python", "3.7", "--lock-format", "json",
                f.toString()).out());
        assertThat(json.get("schema").asText()).isEqualTo("kompat.lock/1");
        assertThat(json.get("hashes").asBoolean()).isFalse();
        assertThat(json.get("packages").findValuesAsText("name")).containsExactly("keras", "tensorflow");
    }

    @Test
    void lockOfAConflictWritesNothing() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "tensorflow==2.4.0\nkeras==2.2.4\n");
        Path lock = dir.resolve("requirements.lock");
        Run r = run("lock", "--python", "3.7", "-o", lock.toString(), f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(lock).doesNotExist();
        assertThat(run("lock", "--lock-format", "poetry", f.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void indexShowReadsALocalIndex() throws Exception {
        Path files = dir.resolve("files");
        io.kompat.testing.TestWheels.wheel(files, "tf_keras-2.16.0-py3-none-any.whl", "tf-keras", "2.16.0", ">=3.9", java.util.List.of());
        Path simple = dir.resolve("simple/tf-keras");
        Files.createDirectories(simple);
        Files.writeString(simple.resolve("index.html"),
                "<a href=\"../../files/tf_keras-2.16.0-py3-none-any.whl\" data-yanked=\"\">tf_keras-2.16.0-py3-none-any.whl</a>");
        Run r = run("index", "show", "tf-keras", "--no-pip-config", "--index-url", dir.resolve("simple").toUri().toString(), "--python", "3.8");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2.16.0").contains("Requires-Python >=3.9").contains("YANKED").contains("1 for Python 3.8");
        assertThat(run("index", "show", "not a name").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void aPipeIsReadOnce() throws Exception {
        Path fifo = dir.resolve("requirements.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "keras==2.2.4\ntensorflow==2.4.0\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run r = run("check", "--python", "3.7", "--no-pip-config", "--no-index", fifo.toString());
        writer.join(10_000);
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("requirements.fifo:1 asks for keras 2.2.4");
    }

    @Test
    void condaLockReadsBackAsTheSameEnvironment() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.3.1\ntensorflow==1.15.5\n");
        Path env = dir.resolve("environment.yml");
        Run lock = run("lock", f.toString(), "--python", "3.7", "--no-pip-config", "--no-index", "--lock-format", "conda", "-o", env.toString());
        assertThat(lock.code()).as(lock.err()).isZero();
        assertThat(Files.readString(env)).contains("  - python=3.7\n").contains("      - keras==2.3.1\n").contains("      - tensorflow==1.15.5\n");
        Run check = run("check", env.toString(), "--no-pip-config", "--no-index");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("Python 3.7").contains("keras ==2.3.1").contains("tensorflow ==1.15.5");
    }

    @Test
    void checkSpeaksEveryReportFormat() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\ntensorflow==2.4.0\n");
        Run sarif = run("check", f.toString(), "--python", "3.8", "--no-pip-config", "--no-index", "--format", "sarif");
        assertThat(sarif.code()).isEqualTo(ExitCode.FINDINGS);
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("KMP101");
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(run("check", f.toString(), "--python", "3.8", "--no-index", "--format", "junit").out()).contains("<testsuites").contains("KMP101");
        assertThat(run("check", f.toString(), "--python", "3.8", "--no-index", "--format", "markdown").out()).contains("KMP101");
        assertThat(run("check", f.toString(), "--format", "yaml").code()).isEqualTo(ExitCode.INVALID_INPUT);

        Files.writeString(f, "tensorflow==1.15.5\nkeras>=2.0\n");
        Run json = run("check", f.toString(), "--python", "3.7", "--no-index", "--format", "json");
        assertThat(json.code()).isEqualTo(ExitCode.OK);
        var finding = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("KMP104");
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
        assertThat(finding.get("location").get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aNamedCommandGetsOnlyItsOwnModelAndEveryOtherCommandLineSeesThemAll() {
        assertThat(Main.commandLine(new String[] {"--stacktrace", "check", "x.txt"}).getSubcommands()).containsOnlyKeys("check");
        assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(run("--version").out()).startsWith("kompat ");
        assertThat(Main.commandLine(new String[] {}).getSubcommands().keySet())
                .containsExactly("check", "fix", "lock", "audit", "diagnose", "matrix", "index", "help");
        Main.COMMANDS.forEach((name, type) -> assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));

        Run typo = run("chek", "x.txt");
        assertThat(typo.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(typo.err()).contains("Did you mean: kompat check").contains("Try 'kompat --help'.");
        assertThat(run("index", "shw").err()).contains("Did you mean: index show").contains("Try 'kompat index --help'.");
        assertThat(run("help", "check").out()).startsWith("Usage: kompat check");
    }

    @Test
    void everyCommandAnswersHelpAsTheErrorMessagesAdvise() {
        for (String[] command : List.of(new String[] {"check"}, new String[] {"fix"}, new String[] {"lock"}, new String[] {"audit"},
                new String[] {"diagnose"}, new String[] {"matrix"}, new String[] {"matrix", "validate"}, new String[] {"index"},
                new String[] {"index", "show"}, new String[] {"index", "refresh"}, new String[] {"index", "clear"})) {
            String name = String.join(" ", command);
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(name).isEqualTo(ExitCode.OK);
            assertThat(r.out()).as(name).startsWith("Usage: kompat " + name + " ");
        }
        Run wrong = run("check", "--no-such-option", "x.txt");
        assertThat(wrong.err()).contains("Try 'kompat check --help'.");
    }

    @Test
    void theBundledMatrixIsPreloadedOnlyForCommandsThatUseIt() {
        assertThat(Main.usesBundledMatrix(new String[] {"check", "r.txt"})).isTrue();
        assertThat(Main.usesBundledMatrix(new String[] {"--stacktrace", "diagnose", "-"})).isTrue();
        assertThat(Main.usesBundledMatrix(new String[] {"check", "--matrix", "dir", "r.txt"})).isFalse();
        assertThat(Main.usesBundledMatrix(new String[] {"check", "--matrix=dir", "r.txt"})).isFalse();
        assertThat(Main.usesBundledMatrix(new String[] {"index", "show", "keras"})).isFalse();
        assertThat(Main.usesBundledMatrix(new String[] {"--version"})).isFalse();
        assertThat(Main.usesBundledMatrix(new String[] {"check", "--help"})).isFalse();
    }
}
