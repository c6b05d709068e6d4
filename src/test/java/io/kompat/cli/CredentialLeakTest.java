package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials in index URLs (in the input file and on the command line) never reach any output: reports
 * in every format, lockfiles, warnings and errors.
 */
class CredentialLeakTest {
    static final String SECRET = "s3cr3t-t0ken";
    @TempDir
    Path dir;

    @Test
    void noOutputOfAnyCommandShowsACredential() throws Exception {
        // Port 9 on loopback refuses connections at once: the index is unreachable, which is the path with
        // the most messages about it.
        String index = "http://alice:" + SECRET + "@127.0.0.1:9/simple/";
        Path req = dir.resolve("requirements.txt");
        Files.writeString(req, "--index-url " + index + "\n--extra-index-url https://bob:" + SECRET + "@127.0.0.1:9/extra/\n"
                + "kx==2.2.4\ntx==2.2.0\n");
        List<CliTest.Run> runs = new ArrayList<>();
        String cache = dir.resolve("cache").toString();
        runs.add(CliTest.run("check", req.toString(), "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache));
        runs.add(CliTest.run("check", req.toString(), "--format", "json", "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache));
        runs.add(CliTest.run("check", req.toString(), "--no-pip-config", "--extra-index-url", index, "--cache-dir", cache));
        runs.add(CliTest.run("lock", req.toString(), "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache));
        runs.add(CliTest.run("fix", req.toString(), "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache));
        runs.add(CliTest.run("index", "show", "keras", "--no-pip-config", "--index-url", index, "--cache-dir", cache));
        runs.add(CliTest.run("index", "show", "keras", "--no-pip-config", "--index-url", index, "--offline", "--cache-dir", cache));
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            Path report = dir.resolve("report." + format);
            runs.add(CliTest.run("audit", req.toString(), "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache, "--format", format, "--output", format + "=" + report));
            outputs.add(Files.readString(report));
        }
        Path ok = dir.resolve("requirements-ok.txt");
        Files.writeString(ok, "--index-url " + index + "\nkx==2.3.1\ntx==1.15.5\nhx<3\n");
        Path lock = dir.resolve("ok.lock");
        runs.add(CliTest.run("lock", ok.toString(), "--python", "3.7", "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache, "-o", lock.toString()));
        runs.add(CliTest.run("lock", ok.toString(), "--python", "3.7", "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache, "--lock-format", "json"));
        outputs.add(Files.readString(lock));
        Path broken = dir.resolve("requirements-broken.txt");
        Files.writeString(broken, "--index-url " + index + "\nkeras=2.2.4 @ https://carol:" + SECRET + "@127.0.0.1:9/k.whl\n");
        runs.add(CliTest.run("check", broken.toString(), "--no-pip-config", "--matrix", CliTest.FIXTURE, "--cache-dir", cache));
        for (CliTest.Run r : runs) {
            outputs.add(r.out());
            outputs.add(r.err());
        }
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("nothing unreachable was cached (journal, lock, CACHEDIR.TAG)").isLessThanOrEqualTo(3);
        }
        assertThat(String.join("\n", outputs)).doesNotContain(SECRET).doesNotContain("alice:").doesNotContain("bob:");
        assertThat(String.join("\n", outputs)).as("the index is still named").contains("127.0.0.1:9");
    }
}
