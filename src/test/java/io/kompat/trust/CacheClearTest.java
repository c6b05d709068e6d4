package io.kompat.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index clear} deletes kompat's cache entries only, and refuses a folder that is not a kompat cache. */
class CacheClearTest {
    @TempDir
    Path dir;

    @Test
    void aFolderThatIsNotAKompatCacheIsRefusedAndKeptWhole() throws Exception {
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious.resolve("sub"));
        Files.writeString(precious.resolve("thesis.tex"), "x");
        Files.writeString(precious.resolve("sub/data.csv"), "y");
        Cli r = Cli.run("index", "clear", "--cache-dir", precious.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("is not a kompat cache").contains("nothing was deleted");
        assertThat(precious.resolve("thesis.tex")).hasContent("x");
        assertThat(precious.resolve("sub/data.csv")).hasContent("y");
    }

    @Test
    void aFolderThatIsNotAKompatCacheIsNotCachedInto() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("notes.txt"), "mine");
        Path req = dir.resolve("req.txt");
        Files.writeString(req, "six\n");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(page());
            server.start();
            Cli r = Cli.run("check", req.toString(), "--no-pip-config", "-i", server.url("/simple/").toString(), "--cache-dir", home.toString());
            assertThat(r.err()).contains("is not a kompat cache");
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void clearDeletesEntriesKeepsOtherFilesAndTheCacheIsPrivate() throws Exception {
        Path cache = dir.resolve("cache");
        Path req = dir.resolve("req.txt");
        Files.writeString(req, "six\n");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(page());
            server.start();
            Cli.run("index", "show", "six", "--no-pip-config", "-i", server.url("/simple/").toString(), "--cache-dir", cache.toString());
        }
        assertThat(cache.resolve("CACHEDIR.TAG")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".1")).count()).as("an entry body was cached").isPositive();
        }
        Files.writeString(cache.resolve("keep-me.txt"), "mine");
        Cli r = Cli.run("index", "clear", "--cache-dir", cache.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 other files left alone");
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("CACHEDIR.TAG", ".lock", "keep-me.txt");
        }
        assertThat(Cli.run("index", "clear", "--cache-dir", cache.toString()).code()).as("a cleared cache is still a cache").isZero();
    }

    @Test
    void aCacheOfAnOlderKompatWithoutTheTagIsRecognised() throws Exception {
        Path cache = dir.resolve("old");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("journal"), "libcore.io.DiskLruCache\n");
        Files.writeString(cache.resolve("0123456789abcdef0123456789abcdef.0"), "x");
        Cli r = Cli.run("index", "clear", "--cache-dir", cache.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsOnly(".lock");
        }
    }

    private static MockResponse page() {
        return new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600")
                .setBody("<a href=\"/f/six-1.16.0-py2.py3-none-any.whl\">six-1.16.0-py2.py3-none-any.whl</a>");
    }
}
