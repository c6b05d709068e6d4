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

    /** A small synthetic universe (src/test/resources/check/matrix) for tests of check's semantics. */
    static final String FIXTURE = "src/test/resources/check/matrix";

    static String[] concat(String[] head, String[] options, String... tail) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(head));
        all.addAll(java.util.List.of(options));
        all.addAll(java.util.List.of(tail));
        return all.toArray(String[]::new);
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
        Files.writeString(f, "kx==2.3.1\ntx==1.15.5\nhx==2.10.0\n-e ./local\n");
        Run r = run("check", "--python", "3.7", "--matrix", FIXTURE, "--no-pip-config", "--no-index", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("WORKS: pip installs it").contains("kx 2.3.1").contains("Not checked:")
                .contains("unknown until it is built");
    }

    @Test
    void aBreakExitsOneWithTheRuleAndAVerifiedFix() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "kx\ntx~=1.15.2\n");
        Run r = run("check", "--python", "3.6", "--matrix", FIXTURE, "--no-pip-config", "--no-index", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).startsWith("BREAKS: pip installs it, then it fails at import")
                .contains("kx 2.4.3").contains("kx 2.4.3 works only with tx>=2.2, and pip installs tx 1.15.5")
                .contains("ImportError: kx requires tx 2.2 or higher.").contains("matrix: kx-2.4-imports-tx-2.2")
                .contains("1. kx (any version) -> <2.4 (" + f + ":1:1); add hx<3");
    }

    @Test
    void jsonReportFollowsTheContract() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "kx\ntx~=1.15.2\n");
        Path out = dir.resolve("report.json");
        Run r = run("check", "--python", "3.6", "--format", "json", "--output", out.toString(), "--matrix", FIXTURE, "--no-pip-config",
                "--no-index", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("kompat.check/2");
        assertThat(json.get("verdict").asText()).isEqualTo("breaks");
        var check = json.get("checks").get(0);
        assertThat(check.get("target").get("python").asText()).isEqualTo("3.6");
        assertThat(check.get("target").get("platform").asText()).isEqualTo("linux-x86_64");
        assertThat(check.get("breaks").get(0).get("rule").asText()).isEqualTo("kx-2.4-imports-tx-2.2");
        assertThat(check.get("breaks").get(0).get("sources").size()).isPositive();
        var fix = check.get("fixes").get(0);
        assertThat(fix.get("edits").get(0).get("kind").asText()).isEqualTo("narrow");
        assertThat(fix.get("edits").get(0).get("location").get("line").asInt()).isEqualTo(1);
        assertThat(fix.get("edits").get(1).get("description").asText()).isEqualTo("add hx<3");
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
        // TensorFlow's pin of tensorflow-cpu-aws on Linux aarch64 is release metadata now (releases-tensorflow.yaml), not a rule.
        assertThat(run("matrix", "tensorflow==2.12.0").out()).doesNotContain("requires tensorflow-cpu-aws");
        assertThat(run("matrix", "tensorflow-cpu-aws==2.11.1").out()).as("no relation of a package to itself")
                .doesNotContain("requires tensorflow-cpu-aws")
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
        String original = "# model deps\r\nKX==2.4.3  # pinned in 2020\r\n\r\ntx==1.15.5 ; python_version < \"3.9\"\r\n";
        Files.writeString(f, original);
        String[] fixture = {"--python", "3.6", "--matrix", FIXTURE, "--no-pip-config", "--no-index"};
        Run shown = run(concat(new String[] {"fix"}, fixture, f.toString()));
        assertThat(shown.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(shown.out()).contains("-tx==1.15.5 ; python_version < \"3.9\"").contains("+tx==2.2.0 ; python_version < \"3.9\"")
                .contains("--write");
        assertThat(Files.readString(f)).isEqualTo(original);
        Run written = run(concat(new String[] {"fix", "--write"}, fixture, f.toString()));
        assertThat(written.code()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(f)).isEqualTo(original.replace("tx==1.15.5", "tx==2.2.0"));
        assertThat(run(concat(new String[] {"check"}, fixture, f.toString())).code()).isEqualTo(ExitCode.OK);
        assertThat(run(concat(new String[] {"fix"}, fixture, f.toString())).out()).contains("nothing to change");
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
        assertThat(node.get("diagnoses").get(0).get("pins").get("requested").get(0).asText()).isEqualTo("tensorflow==1.15.*");
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
        Files.writeString(f, "tx==1.15.5\nkx==2.3.1\nhx<3\n");
        Path lock = dir.resolve("requirements.lock");
        String[] fixture = {"--python", "3.7", "--matrix", FIXTURE, "--no-pip-config", "--no-index"};
        assertThat(run(concat(new String[] {"lock", "-o", lock.toString()}, fixture, f.toString())).code()).isEqualTo(ExitCode.OK);
        String first = Files.readString(lock);
        assertThat(run(concat(new String[] {"lock", "-o", lock.toString()}, fixture, f.toString())).code()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(lock)).isEqualTo(first);
        assertThat(first).contains("# target: Python 3.7 on linux-x86_64").contains("# hashes: none").doesNotContainPattern("--hash=")
                .contains("kx==2.3.1\n").contains("tx==1.15.5\n").contains("hx==2.10.0\n").contains("numx==1.18.5\n");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run(concat(new String[] {"lock", "--lock-format", "json"},
                fixture, f.toString())).out());
        assertThat(json.get("schema").asText()).isEqualTo("kompat.lock/1");
        assertThat(json.get("hashes").asBoolean()).isFalse();
        assertThat(json.get("packages").findValuesAsText("name")).containsExactly("hx", "kx", "numx", "tx");
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
                Files.writeString(fifo, "kx\ntx~=1.15.2\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run r = run("check", "--python", "3.6", "--matrix", FIXTURE, "--no-pip-config", "--no-index", fifo.toString());
        writer.join(10_000);
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("requirements.fifo:1: kx");
    }

    @Test
    void condaLockReadsBackAsTheSameEnvironment() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "kx==2.3.1\ntx==1.15.5\nhx<3\n");
        Path env = dir.resolve("environment.yml");
        Run lock = run("lock", f.toString(), "--python", "3.7", "--matrix", FIXTURE, "--no-pip-config", "--no-index", "--lock-format", "conda",
                "-o", env.toString());
        assertThat(lock.code()).as(lock.err()).isZero();
        assertThat(Files.readString(env)).contains("  - python=3.7\n").contains("      - kx==2.3.1\n").contains("      - tx==1.15.5\n")
                .contains("      - hx==2.10.0\n").contains("      - numx==1.18.5\n");
        Run check = run("check", env.toString(), "--matrix", FIXTURE, "--no-pip-config", "--no-index");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("Python 3.7").contains("kx 2.3.1").contains("tx 1.15.5");
    }

    @Test
    void checkSpeaksEveryReportFormat() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\ntensorflow==2.4.0\n");
        Run sarif = run("check", f.toString(), "--python", "3.8", "--no-pip-config", "--no-index", "--format", "sarif");
        assertThat(sarif.code()).isEqualTo(ExitCode.FINDINGS);
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("KMP105");
        assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(run("check", f.toString(), "--python", "3.8", "--no-index", "--format", "junit").out()).contains("<testsuites").contains("KMP105");
        assertThat(run("check", f.toString(), "--python", "3.8", "--no-index", "--format", "markdown").out()).contains("KMP105");
        assertThat(run("check", f.toString(), "--format", "yaml").code()).isEqualTo(ExitCode.INVALID_INPUT);
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
