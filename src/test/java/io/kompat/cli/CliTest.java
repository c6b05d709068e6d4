package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void readsAValidFile() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "keras==2.2.4\n-e ./local\n");
        Run r = run("check", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("keras ==2.2.4").contains("not checked");
    }
}
