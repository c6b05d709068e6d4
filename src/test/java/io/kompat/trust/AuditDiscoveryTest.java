package io.kompat.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.kompat.audit.Auditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit finds the usual repository layouts and reads kompat's own lockfiles (new-user report M8 and C1). */
class AuditDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void requirementsFoldersConstraintsAndPipToolsInputsAreFound() throws Exception {
        for (String name : List.of("requirements/base.txt", "requirements/dev.in", "ci/constraints.txt", "constraints-gpu.in", "requirements-gpu.in",
                "pyproject.toml", "docs/notes.txt", "setup.in.bak")) {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "numpy\n");
        }
        assertThat(Auditor.discover(List.of(dir))).extracting(p -> dir.relativize(p).toString()).containsExactlyInAnyOrder("requirements/base.txt",
                "requirements/dev.in", "ci/constraints.txt", "constraints-gpu.in", "requirements-gpu.in", "pyproject.toml");
        Files.writeString(dir.resolve("requirements/base.txt"), "tensorflow==2.4.0\nnumpy==1.16.6\n");
        Cli r = Cli.run("audit", "--no-pip-config", "--no-index", dir.toString());
        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("requirements/base.txt");
    }

    @Test
    void kompatsOwnCondaAndPylockLocksAreAudited() throws Exception {
        Path req = Files.writeString(dir.resolve("req.txt"), "demo-a==2.0\n");
        Path locks = Files.createDirectories(dir.resolve("locks"));
        try (MiniIndex index = new MiniIndex()) {
            for (String[] format : new String[][] {{"conda", "environment.lock.yml"}, {"pylock", "pylock.toml"}}) {
                Cli lock = Cli.run("lock", req.toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("ok"), "--lock-format", format[0],
                        "-o", locks.resolve(format[1]).toString());
                assertThat(lock.code()).as(lock.all()).isZero();
            }
            Cli audit = Cli.run("audit", "--no-pip-config", "--no-cache", "-i", index.url("ok"), locks.toString());
            assertThat(audit.all()).doesNotContain("internal error");
            // Read and checked (not exit 4, the internal error of "unknown platform 'linux-x86_64;'").
            assertThat(audit.code()).as(audit.all()).isLessThan(2);
            assertThat(audit.out()).contains("Audited 2 file(s)");
        }
    }
}
