package io.kompat.trust.inputs;

import static io.kompat.trust.inputs.Hostile.read;
import static io.kompat.trust.inputs.Hostile.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.cli.ExitCode;
import io.kompat.manifest.CondaNames;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestReader;
import io.kompat.manifest.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large inputs end in a result or a located error, reading a bounded amount: each case states the bytes
 * the read may allocate (an upper bound on its memory that does not depend on the machine's load).
 */
@Tag(Hostile.SLOW)
class SizeBoundsTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private static Diagnostic onlyError(Manifest m) {
        List<Diagnostic> errors = m.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static String lines(int n, java.util.function.IntFunction<String> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aHundredThousandRequirementLinesStopAtTheEntryLimit() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), lines(100_000, i -> "pkg" + i + "==1." + (i % 7)));
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        Diagnostic d = onlyError(m.value());
        assertThat(d.location().line()).isEqualTo(Manifest.MAX_ENTRIES + 1);
        assertThat(d.message()).startsWith("more than " + Manifest.MAX_ENTRIES + " requirements");
        assertThat(m.value().entries()).hasSize(Manifest.MAX_ENTRIES);
        assertThat(m.allocatedBytes()).isLessThan(300 * MB);
        Hostile.Run r = Hostile.check(f);
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("requirements.txt:" + (Manifest.MAX_ENTRIES + 1) + ":1: error: more than " + Manifest.MAX_ENTRIES + " requirements");
    }

    @Test
    void theSameRequirementAHundredThousandTimesStopsAtTheLimitToo() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), "numpy>=1.0\n".repeat(100_000));
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        assertThat(onlyError(m.value()).location().line()).isEqualTo(Manifest.MAX_ENTRIES + 1);
        assertThat(m.allocatedBytes()).isLessThan(300 * MB);
    }

    @Test
    void entriesUpToTheLimitAreRead() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), lines(Manifest.MAX_ENTRIES, i -> "pkg" + i + "==1.0"));
        Manifest m = read(f);
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.entries()).hasSize(Manifest.MAX_ENTRIES);
    }

    @Test
    @Tag(Hostile.SLOW)
    void twoThousandPinsAreRefusedAndTheLargestAcceptedInputIsCheckedWithinTheHeap() throws Exception {
        // 2,000 unrelated pins took over a minute and ran the 256 MB heap out (an OutOfMemoryError) in pip's
        // resolver, whose work grows with the square of the requirements; the limit keeps every check bounded.
        Path f = write(dir.resolve("requirements.txt"), lines(2_000, i -> "pkg" + i + "==1." + (i % 7)));
        Hostile.Run refused = Hostile.check(f);
        assertThat(refused.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("requirements.txt:" + (Manifest.MAX_ENTRIES + 1) + ":1: error: more than");
        for (String text : new String[] {lines(Manifest.MAX_ENTRIES, i -> "pkg" + i + "==1." + (i % 7)), "numpy>=1.0\n".repeat(Manifest.MAX_ENTRIES)}) {
            Path largest = write(dir.resolve("largest.txt"), text);
            Hostile.Measured<Hostile.Run> run = Hostile.measure(() -> Hostile.check(largest));
            assertThat(run.value().code()).as(run.value().err()).isZero();
        }
    }

    @Test
    void aHundredThousandLinesThatAreNotRequirementsAreReadInOnePass() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), lines(100_000, i -> i % 2 == 0 ? "# comment " + i : "") + "numpy==1.19.5\n");
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        assertThat(m.value().diagnostics()).isEmpty();
        assertThat(m.value().entries()).hasSize(1);
        assertThat(m.allocatedBytes()).isLessThan(300 * MB);
    }

    @Test
    void aPylockOfThirtyThousandPackagesStopsAtTheEntryLimit() throws Exception {
        Path f = write(dir.resolve("pylock.toml"), "lock-version = \"1.0\"\ncreated-by = \"x\"\n"
                + lines(30_000, i -> "\n[[packages]]\nname = \"pkg" + i + "\"\nversion = \"1.0\""));
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        Diagnostic d = onlyError(m.value());
        // Package n (0-based) starts at line 4 + 4n.
        assertThat(d.location().line()).isEqualTo(4 + 4 * Manifest.MAX_ENTRIES);
        assertThat(m.allocatedBytes()).isLessThan(300 * MB);
    }

    @Test
    void aCondaExportOfTwentyThousandLinesStopsAtTheEntryLimit() throws Exception {
        Path f = write(dir.resolve("conda-export.txt"), "# platform: linux-64\n" + lines(20_000, i -> "pkg" + i + "=1.0=py_0"));
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        assertThat(onlyError(m.value()).location().line()).isEqualTo(Manifest.MAX_ENTRIES + 2);
        assertThat(m.allocatedBytes()).isLessThan(300 * MB);
    }

    @Test
    void aOneMegabyteVersionIsALocatedErrorQuotingAWindow() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), "numpy==" + "9".repeat(1_040_000) + "\n");
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        Diagnostic d = onlyError(m.value());
        assertThat(d.location().column()).isEqualTo(8);
        assertThat(d.message()).endsWith("a number of more than 100 digits");
        assertThat(d.render().length()).isLessThan(1_000);
        assertThat(m.allocatedBytes()).isLessThan(100 * MB);
        Hostile.Run r = Hostile.check(f);
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().length()).isLessThan(2_000);
    }

    @Test
    void aVersionOfThreeHundredThousandPartsIsALocatedError() throws Exception {
        Path f = write(dir.resolve("requirements.txt"), "tensorflow==" + "1.".repeat(300_000) + "0\n");
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(f));
        Diagnostic d = onlyError(m.value());
        // At the dot before the 101st number: 12 characters of name and operator, then 100 times "1.".
        assertThat(d.location().column()).isEqualTo(12 + 2 * 100);
        assertThat(d.message()).endsWith("more than 100 release numbers");
        assertThat(d.render().length()).isLessThan(1_000);
        assertThat(m.allocatedBytes()).isLessThan(100 * MB);
    }

    @Test
    void aThousandLargeVariablesInOneLineAreRefusedBeforeTheyAreExpanded() throws Exception {
        String big = "9".repeat(120_000);
        ManifestReader reader = new ManifestReader(name -> name.equals("BIGVAR") ? big : null, CondaNames.bundled());
        Path f = write(dir.resolve("requirements.txt"), "numpy==1.0 ; python_version >= \"" + "${BIGVAR}".repeat(1_000) + "\"\n");
        Hostile.Measured<Manifest> m = Hostile.measure(() -> reader.read(List.of(f), null));
        Diagnostic d = onlyError(m.value());
        assertThat(d.location().line()).isEqualTo(1);
        assertThat(d.message()).isEqualTo("the line is longer than 1048576 characters once its ${VAR} references are expanded");
        // The line is quoted as written, never expanded.
        assertThat(d.render()).doesNotContain("9999999999");
        assertThat(m.allocatedBytes()).isLessThan(100 * MB);
    }
}
