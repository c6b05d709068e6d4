package io.kompat.trust.inputs;

import static io.kompat.trust.inputs.Hostile.read;
import static io.kompat.trust.inputs.Hostile.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.cli.ExitCode;
import io.kompat.manifest.Diagnostic;
import io.kompat.manifest.Manifest;
import io.kompat.manifest.ManifestEntry;
import io.kompat.manifest.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -r}/{@code -c} includes: each file read once, cycles located, only regular files read. */
class IncludesTest {
    @TempDir
    Path dir;

    private static List<Diagnostic> errors(Manifest m) {
        return m.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    @Test
    void aDiamondOfIncludesIsReadOncePerFile() throws Exception {
        // 26 files, each including the next twice as requirements and once as constraints: 3^25 paths.
        for (int i = 0; i < 25; i++) {
            write(dir.resolve("d" + i + ".txt"), "-r d" + (i + 1) + ".txt\n-r d" + (i + 1) + ".txt\n-c d" + (i + 1) + ".txt\n");
        }
        write(dir.resolve("d25.txt"), "numpy==1.19.5\n");
        Hostile.Measured<Manifest> m = Hostile.measure(() -> read(dir.resolve("d0.txt")));
        assertThat(m.value().diagnostics()).isEmpty();
        assertThat(m.value().files()).hasSize(26);
        assertThat(m.value().entries()).extracting(ManifestEntry::text).containsExactly("numpy==1.19.5");
        assertThat(m.allocatedMb()).isLessThan(50);
    }

    @Test
    void aFileReadAsConstraintsIsStillReadAsRequirementsWhenIncludedSoLater() throws Exception {
        write(dir.resolve("c.txt"), "numpy==1.19.5\n");
        Path top = write(dir.resolve("top.txt"), "-c c.txt\n-r c.txt\n-c c.txt\n");
        Manifest m = read(top);
        assertThat(m.entries()).extracting(ManifestEntry::kind).containsExactly(ManifestEntry.Kind.CONSTRAINT, ManifestEntry.Kind.REQUIREMENT);
    }

    @Test
    void aCycleIsALocatedError() throws Exception {
        write(dir.resolve("a.txt"), "numpy\n-r b.txt\n");
        write(dir.resolve("b.txt"), "-c a.txt\n");
        assertThat(errors(read(dir.resolve("a.txt")))).singleElement().satisfies(d -> {
            assertThat(d.location().file()).endsWith("b.txt");
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.message()).isEqualTo("cyclic -r/-c include: a.txt -> b.txt -> a.txt");
        });
    }

    @Test
    void aFifoIsRefusedAsAnIncludeWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        Path f = write(dir.resolve("f.txt"), "-r fifo\nnumpy==1.19.5\n");
        // Opening a FIFO with no writer blocks forever: the case ends only because it is never opened.
        Manifest m = read(f);
        assertThat(errors(m)).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.message()).contains("fifo: not a regular file");
        });
        assertThat(Hostile.check(f).code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void devicesAndStandardInputAreRefusedAsIncludes() throws Exception {
        Path f = write(dir.resolve("f.txt"), "-r /dev/zero\n-c /dev/urandom\n");
        assertThat(errors(read(f))).extracting(Diagnostic::message).containsExactly(
                "cannot read included file /dev/zero: not a regular file (a pipe, socket or device)",
                "cannot read included file /dev/urandom: not a regular file (a pipe, socket or device)");
        Path stdin = Path.of("/dev/stdin");
        Assumptions.assumeTrue(Files.exists(stdin) && !Files.isRegularFile(stdin), "standard input is a regular file here");
        Path s = write(dir.resolve("s.txt"), "-r /dev/stdin\n");
        assertThat(errors(read(s))).singleElement().satisfies(d -> assertThat(d.message()).contains("not a regular file"));
    }

    @Test
    void aLongChainOfIncludesStillWorks() throws Exception {
        for (int i = 0; i < 300; i++) {
            write(dir.resolve("c" + i + ".txt"), "-r c" + (i + 1) + ".txt\n");
        }
        write(dir.resolve("c300.txt"), "numpy==1.19.5\n");
        Manifest m = read(dir.resolve("c0.txt"));
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.entries()).hasSize(1);
    }
}
