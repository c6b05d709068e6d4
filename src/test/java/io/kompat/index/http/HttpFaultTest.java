package io.kompat.index.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kompat.index.IndexException;
import io.kompat.requirement.PackageName;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken servers: every fault ends in a clear {@link IndexException} in bounded time (the
 * timeouts below guard against hangs; they are not speed claims), and the cache keeps what it had.
 */
class HttpFaultTest extends MockServerTest {
    static final PackageName KERAS = PackageName.of("keras");
    static final Duration HANG_GUARD = Duration.ofSeconds(30);
    static final String PAGE = "<a href=\"/f/keras-2.3.1-py2.py3-none-any.whl\">keras-2.3.1-py2.py3-none-any.whl</a>";

    HttpFetcher fetcher() {
        return new HttpFetcher(HttpSettings.defaults(cache, false).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withLimits(1024 * 1024, 4 * 1024 * 1024), Netrc.EMPTY, warnings::add);
    }

    /** Fetches keras (cached, must survive), then numpy from {@code fault}; returns numpy's error. */
    IndexException failure(MockResponse fault) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=0").setBody(PAGE));
        server.enqueue(fault);
        IndexException[] error = new IndexException[1];
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (HttpFetcher http = fetcher()) {
                HttpIndex index = new HttpIndex(http, server.url("/simple/").uri());
                assertThat(index.files(KERAS)).hasSize(1);
                error[0] = org.junit.jupiter.api.Assertions.assertThrows(IndexException.class, () -> index.files(PackageName.of("numpy")));
            }
        });
        assertCacheIntact();
        return error[0];
    }

    void assertCacheIntact() {
        try (HttpFetcher offline = new HttpFetcher(HttpSettings.defaults(cache, true), Netrc.EMPTY, warnings::add)) {
            assertThat(new HttpIndex(offline, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
        } catch (IndexException e) {
            throw new AssertionError("cache lost its entry: " + e.getMessage(), e);
        }
    }

    /** Reliability report 4.2: eight concurrent --offline locks on a warm cache wrote locks without pins. */
    @Test
    void anOfflineRunWaitsForACacheInUseInsteadOfAnsweringFromLess() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600").setBody(PAGE));
        try (HttpFetcher http = fetcher()) {
            assertThat(new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
        }
        // Another kompat holds the cache for longer than an online run waits for it (3 s).
        CacheLock held = CacheLock.acquire(cache, 0);
        assertThat(held).isNotNull();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.release();
        });
        other.start();
        assertTimeoutPreemptively(HANG_GUARD, this::assertCacheIntact);
        other.join();
        assertThat(warnings).noneMatch(w -> w.contains("in use"));
    }

    @Test
    void slowDripBodyIsCutOffByTheCallTimeout() throws Exception {
        String body = "x".repeat(10_000);
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "text/html").setBody(body).throttleBody(10, 500, TimeUnit.MILLISECONDS));
        assertThat(e.getMessage()).contains("/simple/numpy/").containsAnyOf("gave up after", "timed out");
    }

    /** Reliability report 2.5: a slow host cost a full timeout per package (40 packages: 183 s); now one per run. */
    @Test
    void aHostThatTimedOutIsNotAskedAgainInTheSameRun() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("x".repeat(10_000)).throttleBody(10, 500, TimeUnit.MILLISECONDS));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(PAGE));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (HttpFetcher http = fetcher()) {
                HttpIndex index = new HttpIndex(http, server.url("/simple/").uri());
                assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).hasMessageContaining("gave up after");
                assertThatThrownBy(() -> index.files(KERAS)).hasMessageContaining("/simple/keras/").hasMessageContaining("timed out earlier in this run");
            }
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Reliability report 2.5: one overall deadline for a run's index work (--timeout), below any single request's. */
    @Test
    void theRunsDeadlineCutsOffARequestThatWouldTakeLonger() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("x".repeat(10_000)).throttleBody(10, 500, TimeUnit.MILLISECONDS));
        HttpSettings settings = HttpSettings.defaults(cache, false).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(25))
                .withDeadline(Duration.ofSeconds(2));
        long started = System.nanoTime();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (HttpFetcher http = new HttpFetcher(settings, Netrc.EMPTY, warnings::add)) {
                HttpIndex index = new HttpIndex(http, server.url("/simple/").uri());
                assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).hasMessageContaining("cut off at the --timeout of 2 s");
                // Past the deadline nothing more is asked: the run goes on from the cache, as for an unreachable index.
                assertThatThrownBy(() -> index.files(KERAS)).hasMessageContaining("/simple/keras/");
            }
        });
        // Cut off by the 2 s deadline, not by the 25 s call timeout (the bound leaves room for a slow machine).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** The deadline covers wheel downloads too (a metadata fallback may download up to 1 GiB). */
    @Test
    void theRunsDeadlineCutsOffAWheelDownload(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        server.enqueue(new MockResponse().setBody("x".repeat(10_000)).throttleBody(10, 500, TimeUnit.MILLISECONDS));
        HttpSettings settings = HttpSettings.defaults(null, false).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(25))
                .withDeadline(Duration.ofSeconds(2));
        long started = System.nanoTime();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (HttpFetcher http = new HttpFetcher(settings, Netrc.EMPTY, warnings::add)) {
                assertThatThrownBy(() -> http.download(server.url("/f/x-1.0-py3-none-any.whl").uri(), dir.resolve("x.whl"), 1 << 20))
                        .isInstanceOf(IndexException.class).hasMessageContaining("download failed");
                // Past the deadline no download starts.
                assertThatThrownBy(() -> http.download(server.url("/f/y-1.0-py3-none-any.whl").uri(), dir.resolve("y.whl"), 1 << 20))
                        .hasMessageContaining("not downloaded").hasMessageContaining("--timeout of 2 s");
            }
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Each input (every file of an audit) starts the deadline again when its sources are opened. */
    @Test
    void startingTheDeadlineAgainLetsTheNextInputAsk() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(PAGE));
        HttpSettings settings = HttpSettings.defaults(null, false).withDeadline(Duration.ofSeconds(1));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (HttpFetcher http = new HttpFetcher(settings, Netrc.EMPTY, warnings::add)) {
                Thread.sleep(1_200);
                assertThatThrownBy(() -> new HttpIndex(http, server.url("/simple/").uri()).files(KERAS))
                        .isInstanceOf(IndexException.class).hasMessageContaining("over its --timeout of 1 s");
                assertThat(server.getRequestCount()).isZero();
                http.startDeadline();
                assertThat(new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
            }
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionResetMidBody() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "text/html").setBody("y".repeat(100_000))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThat(e.getMessage()).contains("/simple/numpy/");
    }

    @Test
    void aServerThatNeverAnswers() throws Exception {
        IndexException e = failure(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThat(e.getMessage()).contains("/simple/numpy/").containsAnyOf("timed out", "gave up");
    }

    @Test
    void redirectLoop() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=0").setBody(PAGE));
        for (int i = 0; i < 25; i++) {
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/simple/numpy/"));
        }
        try (HttpFetcher http = fetcher()) {
            HttpIndex index = new HttpIndex(http, server.url("/simple/").uri());
            index.files(KERAS);
            assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).isInstanceOf(IndexException.class).hasMessageContaining("redirect loop");
        }
        assertCacheIntact();
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "text/html").setBody("z".repeat(2 * 1024 * 1024)));
        assertThat(e.getMessage()).contains("larger than 1024 KiB; refused");
    }

    @Test
    void gzipBombIsRefusedAfterTheLimitNotAfterInflatingItAll() throws Exception {
        Buffer gz = new Buffer();
        try (GZIPOutputStream out = new GZIPOutputStream(gz.outputStream())) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                out.write(zeros);
            }
        }
        assertThat(gz.size()).as("a 1 GiB bomb in about a megabyte").isLessThan(2 * 1024 * 1024);
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Content-Encoding", "gzip").setBody(gz));
        assertThat(e.getMessage()).contains("refused");
    }

    @Test
    void invalidUtf8IsAnError() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody(new Buffer().write(new byte[] {'<', 'a', (byte) 0xC3, (byte) 0x28, '>'})));
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void garbageJsonIsALocatedError() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json").setBody("{\"files\": [\n  {,]"));
        assertThat(e.getMessage()).contains("invalid JSON at line 2");
    }

    @Test
    void unsupportedApiMajorVersion() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
                .setBody("{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}"));
        assertThat(e.getMessage()).contains("Simple API version 2.0 is not supported");
    }

    @Test
    void redirectFromHttpsToHttpIsRefused() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName()).build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates clientCerts = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate()).build();
        try (MockWebServer plain = new MockWebServer()) {
            plain.start();
            server.useHttps(serverCerts.sslSocketFactory(), false);
            server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", plain.url("/simple/keras/")));
            try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), Netrc.EMPTY, warnings::add,
                    b -> b.sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager()))) {
                HttpIndex index = new HttpIndex(http, server.url("/simple/").uri());
                assertThatThrownBy(() -> index.files(KERAS)).isInstanceOf(IndexException.class)
                        .hasMessageContaining("refused a redirect from https to http");
            }
            assertThat(plain.getRequestCount()).isZero();
        }
    }

    @Test
    void credentialsGoOnlyToTheirHostAndAreNeverShown() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            URI otherFiles = URI.create("http://localhost:" + other.getPort() + "/f/");
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                    .setBody("<a href=\"" + otherFiles + "keras-2.3.1-py2.py3-none-any.whl.metadata\">x</a>"
                            + "<a href=\"" + otherFiles + "keras-2.3.1-py2.py3-none-any.whl\" data-core-metadata=\"true\">keras-2.3.1-py2.py3-none-any.whl</a>"));
            other.enqueue(new MockResponse().setBody(HttpIndexTest.METADATA));
            server.enqueue(new MockResponse().setResponseCode(500));
            server.enqueue(new MockResponse().setResponseCode(500));
            server.enqueue(new MockResponse().setResponseCode(500));
            URI secretUrl = URI.create("http://alice:s3cr3t-token@127.0.0.1:" + server.getPort() + "/simple/");
            try (HttpFetcher http = fetcher()) {
                HttpIndex index = new HttpIndex(http, secretUrl);
                assertThat(index.describe()).doesNotContain("s3cr3t").doesNotContain("alice");
                var files = index.files(KERAS);
                assertThat(files).hasSize(1);
                assertThat(index.metadata(files.get(0))).isPresent();
                assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).satisfies(t -> assertThat(t.getMessage()).doesNotContain("s3cr3t"));
            }
            RecordedRequest toIndex = server.takeRequest();
            assertThat(toIndex.getHeader("Authorization")).isEqualTo(okhttp3.Credentials.basic("alice", "s3cr3t-token"));
            RecordedRequest toOther = other.takeRequest();
            assertThat(toOther.getHeader("Authorization")).as("no credentials for another host").isNull();
            assertThat(warnings).allSatisfy(w -> assertThat(w).doesNotContain("s3cr3t"));
        }
    }

    @Test
    void netrcCredentialsAreUsedForTheirMachineOnly() throws Exception {
        Netrc netrc = Netrc.parse("machine 127.0.0.1 login bob password hunter2\nmachine elsewhere.example login x password y\n");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(PAGE));
        try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(null, false), netrc, warnings::add)) {
            new HttpIndex(http, URI.create("http://127.0.0.1:" + server.getPort() + "/simple/")).files(KERAS);
        }
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo(okhttp3.Credentials.basic("bob", "hunter2"));
        assertThat(netrc.lookup("localhost")).isNull();
        assertThat(Netrc.parse("default login anon password pw").lookup("anything").user()).isEqualTo("anon");
        assertThat(netrc.lookup("127.0.0.1").toString()).doesNotContain("hunter2");
    }

    @Test
    void aCorruptCacheIsRebuiltNotFatal() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600").setBody(PAGE));
        try (HttpFetcher http = fetcher()) {
            new HttpIndex(http, server.url("/simple/").uri()).files(KERAS);
        }
        try (Stream<Path> files = Files.list(cache)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.write(p, new byte[] {0, (byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\n'});
            }
        }
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(PAGE));
        try (HttpFetcher http = fetcher()) {
            assertThat(new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
        }
    }

    @Test
    void aWrongContentTypeIsAClearError() throws Exception {
        IndexException e = failure(new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody("\u0000\u0001"));
        assertThat(e.getMessage()).contains("unexpected content type 'application/octet-stream'");
    }

    @Test
    void jsonServedAsHtmlIsStillRead() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{\"filename\": \"keras-2.3.1-py2.py3-none-any.whl\", "
                        + "\"url\": \"/f/keras-2.3.1-py2.py3-none-any.whl\", \"hashes\": {}}]}"));
        try (HttpFetcher http = fetcher()) {
            assertThat(new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
        }
    }

    @Test
    void aRedirectToTheNormalizedNameIsFollowed() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/simple/keras-preprocessing/"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("<a href=\"/f/Keras_Preprocessing-1.1.2-py2.py3-none-any.whl\">Keras_Preprocessing-1.1.2-py2.py3-none-any.whl</a>"));
        try (HttpFetcher http = fetcher()) {
            // The client asks for the normalized name already; an index that redirects anyway is followed.
            var files = new HttpIndex(http, server.url("/simple/").uri()).files(PackageName.of("Keras_Preprocessing"));
            assertThat(files).hasSize(1);
        }
        assertThat(server.takeRequest().getPath()).isEqualTo("/simple/keras-preprocessing/");
    }

    @Test
    void aBadResponseIsNotServedFromTheCacheAgain() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json").setHeader("Cache-Control", "max-age=600")
                .setBody("{\"files\": [ broken"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600").setBody(PAGE));
        try (HttpFetcher http = fetcher()) {
            assertThatThrownBy(() -> new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasMessageContaining("invalid JSON");
        }
        try (HttpFetcher http = fetcher()) {
            assertThat(new HttpIndex(http, server.url("/simple/").uri()).files(KERAS)).hasSize(1);
        }
        assertThat(server.getRequestCount()).as("the broken page was evicted, so the second run asked again").isEqualTo(2);
    }
}
