package io.kompat.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is dropped in silence (reliability report 2.10, 2.32, 6.3): a lock holds every package of the resolution, or kompat fails. */
class DropTest {
    @TempDir
    Path dir;

    private Path req(String text) throws Exception {
        Path req = dir.resolve("req.txt");
        Files.writeString(req, text);
        return req;
    }

    @Test
    void aLockIsWholeWhenTheIndexAnswers() throws Exception {
        try (MiniIndex index = new MiniIndex()) {
            Cli r = Cli.run("lock", req("demo-a==2.0\n").toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("ok"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("demo-a==2.0").contains("demo-b==2.0");
        }
    }

    @Test
    void aFailedMetadataFetchFailsTheLockWithTheReason() throws Exception {
        try (MiniIndex index = new MiniIndex()) {
            Path out = dir.resolve("requirements.lock");
            Cli r = Cli.run("lock", req("demo-a==2.0\n").toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("meta500"),
                    "-o", out.toString());
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("cannot lock").contains("demo-a 2.0").contains("500").contains("nothing was locked");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aPageWithNoLinksIsNotAProjectWithoutReleases() throws Exception {
        try (MiniIndex index = new MiniIndex()) {
            Path req = req("demo-a==2.0\n");
            Cli r = Cli.run("fix", req.toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("badhtml"), "--write");
            assertThat(r.out()).doesNotContain("remove");
            assertThat(req).hasContent("demo-a==2.0");
            Cli why = Cli.run("check", req.toString(), "--verbose", "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("badhtml"));
            assertThat(why.all()).contains("no links and is not a Simple API page").contains("Not verified: demo-a");
        }
    }

    @Test
    void anInvalidIndexUrlIsExitTwo() throws Exception {
        Path req = req("demo-a==2.0\n");
        for (String url : new String[] {"htp://typo/simple/", "http://u:p4ss@127.0.0.1:99999/simple/", "http://[bad/simple/"}) {
            for (String command : new String[] {"check", "lock", "fix", "audit"}) {
                Cli r = Cli.run(command, req.toString(), "--no-pip-config", "--no-cache", "-i", url);
                assertThat(r.code()).as(command + " " + url).isEqualTo(2);
                assertThat(r.err().strip()).as(command + " " + url).startsWith("kompat: invalid --index-url").doesNotContain("\n").doesNotContain("p4ss");
            }
        }
        Cli show = Cli.run("index", "show", "demo-a", "--no-pip-config", "--no-cache", "--extra-index-url", "htp://typo/");
        assertThat(show.code()).isEqualTo(2);
    }

    @Test
    void aFileIndexRangeThatNoReleaseSatisfiesBacktracks() throws Exception {
        Path simple = dir.resolve("index/simple");
        writeProject(simple, "demo-a", "demo_a-1.0-py3-none-any.whl", "demo-b<2", "demo_a-2.0-py3-none-any.whl", "demo-b>=5");
        writeProject(simple, "demo-b", "demo_b-1.0-py3-none-any.whl", null, "demo_b-2.0-py3-none-any.whl", null);
        Cli r = Cli.run("lock", req("demo-a\n").toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", simple.toUri().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("demo-a==1.0").contains("demo-b==1.0");
    }

    /** A PEP 503 folder index of two wheels of {@code project}, each with one Requires-Dist line (or none). */
    private static void writeProject(Path simple, String project, String wheel1, String requires1, String wheel2, String requires2) throws Exception {
        Path page = simple.resolve(project);
        Files.createDirectories(page);
        StringBuilder html = new StringBuilder();
        for (String[] w : new String[][] {{wheel1, requires1}, {wheel2, requires2}}) {
            String[] parts = w[0].split("-");
            Path file = page.resolve(w[0]);
            try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                z.putNextEntry(new java.util.zip.ZipEntry(parts[0] + "-" + parts[1] + ".dist-info/METADATA"));
                z.write(("Metadata-Version: 2.1\nName: " + parts[0] + "\nVersion: " + parts[1] + "\n"
                        + (w[1] == null ? "" : "Requires-Dist: " + w[1] + "\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            html.append("<a href=\"").append(w[0]).append("\">").append(w[0]).append("</a>\n");
        }
        Files.writeString(page.resolve("index.html"), html);
    }

    @Test
    void aDownloadedWheelWhoseHashDiffersIsNotUsed() throws Exception {
        try (MiniIndex index = new MiniIndex()) {
            Cli r = Cli.run("lock", req("demo-a==2.0\n").toString(), "--python", "3.11", "--no-pip-config", "--no-cache", "-i", index.url("wronghash"));
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("sha256 does not match");
            assertThat(r.out()).doesNotContain("demo-a==2.0");
        }
    }
}
