package io.kompat.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.cli.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes change only what they were asked to (reliability report family 3): files named on the command line,
 * the target of a link, never a read-only file, never a file that changed meanwhile; new files get the umask.
 */
class WriteSafetyTest {
    static final String MATRIX = "src/test/resources/check/matrix";
    /** kx 2.4.3 with tx 1.15.5 breaks in the fixture matrix; the fix is tx==2.2.0. */
    static final String BROKEN = "kx==2.4.3\ntx==1.15.5\n";

    @TempDir
    Path dir;

    private Cli fix(Path file, String... more) {
        String[] base = {"fix", file.toString(), "--python", "3.6", "--matrix", MATRIX, "--no-pip-config", "--no-index"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void anIncludedFileIsChangedOnlyWithWriteIncludes() throws Exception {
        Path outside = dir.resolve("outside/shared.txt");
        Path req = dir.resolve("repo/requirements.txt");
        Files.createDirectories(outside.getParent());
        Files.createDirectories(req.getParent());
        Files.writeString(outside, "tx==1.15.5\n");
        Files.writeString(req, "-r ../outside/shared.txt\nkx==2.4.3\n");
        Cli refused = fix(req, "--write");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--write-includes").contains("nothing was changed");
        assertThat(outside).hasContent("tx==1.15.5");
        assertThat(req).hasContent("-r ../outside/shared.txt\nkx==2.4.3");
        Cli asked = fix(req, "--write", "--write-includes");
        assertThat(asked.code()).as(asked.err()).isZero();
        assertThat(outside).hasContent("tx==2.2.0");
    }

    @Test
    void writingThroughASymlinkKeepsTheLinkAndChangesItsTarget() throws Exception {
        Path real = dir.resolve("real.txt");
        Path link = dir.resolve("link.txt");
        Files.writeString(real, BROKEN);
        Files.createSymbolicLink(link, Path.of("real.txt"));
        Cli r = fix(link, "--write");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("kx==2.4.3\ntx==2.2.0");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real.txt", "link.txt");
        }
    }

    @Test
    void lockOutputThroughASymlinkKeepsTheLink() throws Exception {
        Path req = dir.resolve("req.txt");
        Files.writeString(req, "kx==2.3.1\ntx==1.15.5\n");
        Path real = dir.resolve("real.lock");
        Files.writeString(real, "old\n");
        Path link = dir.resolve("requirements.lock");
        Files.createSymbolicLink(link, real);
        Cli r = Cli.run("lock", req.toString(), "--python", "3.7", "--matrix", MATRIX, "--no-pip-config", "--no-index", "-o", link.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("kx==2.3.1");
    }

    @Test
    void aReadOnlyFileIsRefusedWithExitTwo() throws Exception {
        Path req = dir.resolve("req.txt");
        Files.writeString(req, BROKEN);
        Files.setPosixFilePermissions(req, PosixFilePermissions.fromString("r--r--r--"));
        Cli r = fix(req, "--write");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("read-only").contains("unchanged");
        assertThat(req).hasContent(BROKEN.strip());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(req))).isEqualTo("r--r--r--");
    }

    @Test
    void aFileChangedAfterItWasReadIsNotOverwritten() throws Exception {
        Path f = dir.resolve("req.txt");
        Files.writeString(f, "a==1\n");
        AtomicFiles.Snapshot read = AtomicFiles.snapshot(f);
        Files.writeString(f, "a==1\nb==2\n");
        assertThatThrownBy(() -> AtomicFiles.write(f, "a==3\n", read)).isInstanceOf(IOException.class).hasMessageContaining("changed");
        assertThat(f).hasContent("a==1\nb==2");
        AtomicFiles.write(f, "a==3\n", AtomicFiles.snapshot(f));
        assertThat(f).hasContent("a==3");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.count()).as("no temporary file left").isEqualTo(1);
        }
    }

    @Test
    void aNewFileGetsTheUmaskPermissionsAndAnOldOneKeepsItsOwn() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        String umaskMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Path fresh = dir.resolve("new.lock");
        AtomicFiles.write(fresh, "x\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo(umaskMode).isNotEqualTo("rw-------");
        Path kept = dir.resolve("kept.lock");
        Files.writeString(kept, "old\n");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(kept, "new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
    }

    @Test
    void anExplicitCondaListIsNeverRewritten() throws Exception {
        Path spec = dir.resolve("spec.txt");
        String text = "# platform: linux-64\n@EXPLICIT\nhttps://conda.example/main/linux-64/kx-2.4.3-0.conda\n"
                + "https://conda.example/main/linux-64/tx-1.15.5-0.conda\n";
        Files.writeString(spec, text);
        Cli r = fix(spec, "--write");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("explicit conda list").contains("nothing was changed");
        assertThat(r.out()).doesNotContain("+tx==").doesNotContain("+++");
        assertThat(Files.readString(spec)).isEqualTo(text);
    }
}
