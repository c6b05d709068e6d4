package io.kompat.index.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.IndexUnreachableException;
import io.kompat.requirement.PackageName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The Simple API client against a local MockWebServer: negotiation, metadata, cache, credentials. */
class HttpIndexTest extends MockServerTest {
    /** A Simple API page of a project with no files (PEP 629 meta tag, no links). */
    static final String EMPTY_PROJECT = "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\"></head><body></body></html>";

    static final PackageName KERAS = PackageName.of("keras");

    static final String JSON_PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "keras", "files": [
              {"filename": "keras-2.3.1-py2.py3-none-any.whl", "url": "../../files/keras-2.3.1-py2.py3-none-any.whl",
               "hashes": {"sha256": "aa"}, "requires-python": ">=2.7", "core-metadata": {"sha256": "%s"},
               "upload-time": "2019-10-09T13:06:21.000000Z"},
              {"filename": "Keras-2.3.0.tar.gz", "url": "https://files.example/Keras-2.3.0.tar.gz", "hashes": {}, "yanked": "broken"},
              {"filename": "keras-2.2.5-py2.py3-none-any.whl", "url": "/files/keras-2.2.5-py2.py3-none-any.whl", "hashes": {},
               "yanked": true, "data-dist-info-metadata": true},
              {"filename": "other-1.0-py3-none-any.whl", "url": "/files/other-1.0-py3-none-any.whl", "hashes": {}},
              {"filename": "keras-latest.zip", "url": "/files/keras-latest.zip", "hashes": {}}
            ]}
            """;
    static final String METADATA = "Metadata-Version: 2.1\nName: Keras\nVersion: 2.3.1\nRequires-Python: >=2.7\n"
            + "Requires-Dist: numpy (>=1.9.1)\nRequires-Dist: six>=1.9.0\nRequires-Dist: pyyaml\n";

    HttpFetcher fetcher(boolean offline) {
        return new HttpFetcher(HttpSettings.defaults(cache, offline).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                Netrc.EMPTY, warnings::add);
    }

    URI simple() {
        return server.url("/simple/").uri();
    }

    @Test
    void negotiatesJsonAndReadsEveryPep691Field() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
                .setBody(JSON_PAGE.formatted(HttpIndex.sha256(METADATA.getBytes(StandardCharsets.UTF_8)))));
        try (HttpFetcher http = fetcher(false)) {
            List<DistributionFile> files = new HttpIndex(http, simple()).files(PackageName.of("Keras"));
            RecordedRequest r = server.takeRequest();
            assertThat(r.getPath()).isEqualTo("/simple/keras/");
            assertThat(r.getHeader("Accept")).startsWith("application/vnd.pypi.simple.v1+json").contains("text/html;q=0.01");
            assertThat(r.getHeader("User-Agent")).startsWith("kompat/");
            assertThat(files).extracting(DistributionFile::filename)
                    .containsExactly("keras-2.3.1-py2.py3-none-any.whl", "Keras-2.3.0.tar.gz", "keras-2.2.5-py2.py3-none-any.whl");
            DistributionFile whl = files.get(0);
            assertThat(whl.location()).isEqualTo(server.url("/files/keras-2.3.1-py2.py3-none-any.whl").uri());
            assertThat(whl.requiresPython()).isEqualTo(">=2.7");
            assertThat(whl.coreMetadata()).containsKey("sha256");
            assertThat(whl.uploadTime()).startsWith("2019-10-09");
            assertThat(whl.isYanked()).isFalse();
            assertThat(files.get(1).yanked()).isEqualTo("broken");
            assertThat(files.get(2).yanked()).isEmpty();
            assertThat(files.get(2).coreMetadata()).isEmpty();
        }
    }

    @Test
    void readsHtmlPagesWithPep658And592Attributes() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody("""
                <!DOCTYPE html><html><body>
                <a href="/f/keras-2.3.1-py2.py3-none-any.whl#sha256=abc" data-requires-python="&gt;=2.7" data-core-metadata="sha256=def">keras-2.3.1-py2.py3-none-any.whl</a>
                <a href="/f/keras-2.3.0-py2.py3-none-any.whl" data-yanked="">keras-2.3.0-py2.py3-none-any.whl</a>
                </body></html>
                """));
        try (HttpFetcher http = fetcher(false)) {
            List<DistributionFile> files = new HttpIndex(http, simple()).files(KERAS);
            assertThat(files).hasSize(2);
            assertThat(files.get(0).hashes()).containsEntry("sha256", "abc");
            assertThat(files.get(0).requiresPython()).isEqualTo(">=2.7");
            assertThat(files.get(0).coreMetadata()).containsEntry("sha256", "def");
            assertThat(files.get(1).isYanked()).isTrue();
            assertThat(files.get(1).coreMetadata()).isNull();
        }
    }

    @Test
    void anUnknownProjectIsEmptyNotAnError() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(404));
        try (HttpFetcher http = fetcher(false)) {
            assertThat(new HttpIndex(http, simple()).files(PackageName.of("no-such-thing"))).isEmpty();
        }
    }

    @Test
    void fetchesPep658MetadataAndChecksItsHash() throws Exception {
        String digest = HttpIndex.sha256(METADATA.getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json").setBody(JSON_PAGE.formatted(digest)));
        server.enqueue(new MockResponse().setBody(METADATA));
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            Optional<CoreMetadata> md = index.metadata(index.files(KERAS).get(0));
            server.takeRequest();
            assertThat(server.takeRequest().getPath()).isEqualTo("/files/keras-2.3.1-py2.py3-none-any.whl.metadata");
            assertThat(md.orElseThrow().requiresDist()).extracting(r -> r.name().value()).containsExactly("numpy", "six", "pyyaml");
        }
    }

    @Test
    void refusesMetadataWhoseHashDoesNotMatch() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json").setBody(JSON_PAGE.formatted("00".repeat(32))));
        server.enqueue(new MockResponse().setBody(METADATA));
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            DistributionFile f = index.files(KERAS).get(0);
            assertThatThrownBy(() -> index.metadata(f)).isInstanceOf(IndexException.class).hasMessageContaining("sha256 does not match");
        }
    }

    static byte[] wheel(String metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("keras/__init__.py"));
            byte[] filler = new byte[200_000];
            new java.util.Random(7).nextBytes(filler);
            zip.write(filler);
            zip.putNextEntry(new ZipEntry("keras-2.3.1.dist-info/METADATA"));
            zip.write(metadata.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("keras-2.3.1.dist-info/RECORD"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Serves one page and one wheel, honouring Range requests when {@code ranges}. */
    void serveWheel(byte[] wheel, boolean ranges, List<String> rangesSeen) {
        String page = "<a href=\"/f/keras-2.3.1-py2.py3-none-any.whl\">keras-2.3.1-py2.py3-none-any.whl</a>";
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/simple/")) {
                    return new MockResponse().setHeader("Content-Type", "text/html").setBody(page);
                }
                String range = request.getHeader("Range");
                rangesSeen.add(String.valueOf(range));
                if (!ranges || range == null) {
                    return new MockResponse().setBody(new Buffer().write(wheel));
                }
                String spec = range.substring("bytes=".length());
                int start;
                int end;
                if (spec.startsWith("-")) {
                    start = Math.max(0, wheel.length - Integer.parseInt(spec.substring(1)));
                    end = wheel.length - 1;
                } else {
                    String[] se = spec.split("-");
                    start = Integer.parseInt(se[0]);
                    end = Math.min(wheel.length - 1, Integer.parseInt(se[1]));
                }
                return new MockResponse().setResponseCode(206).setHeader("Content-Range", "bytes " + start + "-" + end + "/" + wheel.length)
                        .setBody(new Buffer().write(java.util.Arrays.copyOfRange(wheel, start, end + 1)));
            }
        });
    }

    @Test
    void readsMetadataFromInsideAWheelWithRangeRequests() throws Exception {
        byte[] wheel = wheel(METADATA);
        List<String> ranges = new ArrayList<>();
        serveWheel(wheel, true, ranges);
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            CoreMetadata md = index.metadata(index.files(KERAS).get(0)).orElseThrow();
            assertThat(md.requiresDist()).hasSize(3);
            assertThat(ranges).hasSize(2).allMatch(r -> r.startsWith("bytes="));
        }
    }

    /** Little-endian int at {@code at}. */
    private static int le32(byte[] b, int at) {
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    private static void putLe32(byte[] b, int at, long value) {
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
    }

    private static int eocd(byte[] b) {
        for (int i = b.length - 22; i >= 0; i--) {
            if (le32(b, i) == 0x06054b50) {
                return i;
            }
        }
        throw new IllegalStateException("no EOCD");
    }

    /** The central-directory record of METADATA in {@code b}. */
    private static int metadataRecord(byte[] b) {
        int p = le32(b, eocd(b) + 16);
        while (le32(b, p) == 0x02014b50) {
            int nameLen = Short.toUnsignedInt(java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort(p + 28));
            if (new String(b, p + 46, nameLen, StandardCharsets.UTF_8).endsWith("METADATA")) {
                return p;
            }
            p += 46 + nameLen;
        }
        throw new IllegalStateException("no METADATA record");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"central directory past the end", "central directory overrunning the tail",
        "local header past the end"})
    void aLyingZipDirectoryIsAnErrorNamingTheWheel(String lie) throws Exception {
        byte[] wheel = wheel(METADATA);
        int eocd = eocd(wheel);
        switch (lie) {
            case "central directory past the end" -> putLe32(wheel, eocd + 16, wheel.length + 10L);
            case "central directory overrunning the tail" -> putLe32(wheel, eocd + 12, 50L * 1024 * 1024);
            default -> putLe32(wheel, metadataRecord(wheel) + 42, 0x7FFFFFF0L);
        }
        serveWheel(wheel, true, new ArrayList<>());
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            DistributionFile f = index.files(KERAS).get(0);
            assertThatThrownBy(() -> index.metadata(f)).isInstanceOf(IndexException.class)
                    .hasMessageContaining("keras-2.3.1-py2.py3-none-any.whl").hasMessageNotContaining("IndexOutOfBounds");
        }
    }

    @Test
    void downloadsTheWheelWhenTheServerIgnoresRanges() throws Exception {
        List<String> ranges = new ArrayList<>();
        serveWheel(wheel(METADATA), false, ranges);
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            assertThat(index.metadata(index.files(KERAS).get(0)).orElseThrow().requiresPython()).isEqualTo(">=2.7");
            assertThat(ranges).hasSize(2);
            assertThat(ranges.get(1)).isEqualTo("null");
        }
    }

    @Test
    void revalidatesWithEtagAndAnswersFromTheCacheOffline() throws Exception {
        String page = "<a href=\"/f/keras-2.3.1-py2.py3-none-any.whl\">keras-2.3.1-py2.py3-none-any.whl</a>";
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("ETag", "\"v1\"")
                .setHeader("Cache-Control", "max-age=0").setBody(page));
        server.enqueue(new MockResponse().setResponseCode(304).setHeader("ETag", "\"v1\""));
        try (HttpFetcher http = fetcher(false)) {
            assertThat(new HttpIndex(http, simple()).files(KERAS)).hasSize(1);
        }
        try (HttpFetcher http = fetcher(false)) {
            assertThat(new HttpIndex(http, simple()).files(KERAS)).hasSize(1);
        }
        server.takeRequest();
        assertThat(server.takeRequest().getHeader("If-None-Match")).isEqualTo("\"v1\"");
        int served = server.getRequestCount();
        try (HttpFetcher http = fetcher(true)) {
            assertThat(new HttpIndex(http, simple()).files(KERAS)).hasSize(1);
            assertThatThrownBy(() -> new HttpIndex(http, simple()).files(PackageName.of("numpy")))
                    .isInstanceOf(IndexUnreachableException.class).hasMessageContaining("not in the cache (offline)");
        }
        assertThat(server.getRequestCount()).isEqualTo(served);
    }

    @Test
    void anUnreachableIndexWarnsOnceAndFallsBackToTheCache() throws Exception {
        String page = "<a href=\"/f/keras-2.3.1-py2.py3-none-any.whl\">keras-2.3.1-py2.py3-none-any.whl</a>";
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=0").setBody(page));
        URI url = simple();
        try (HttpFetcher http = fetcher(false)) {
            assertThat(new HttpIndex(http, url).files(KERAS)).hasSize(1);
        }
        server.shutdown();
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, url);
            assertThat(index.files(KERAS)).hasSize(1);
            assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).isInstanceOf(IndexUnreachableException.class);
            assertThatThrownBy(() -> index.files(PackageName.of("six"))).isInstanceOf(IndexUnreachableException.class);
            assertThat(http.requestCount()).as("no request after the host was found down").isEqualTo(1);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("is unreachable").contains("using cached and local data");
    }

    @Test
    void retriesServerErrorsButNotClientErrors() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(EMPTY_PROJECT));
        server.enqueue(new MockResponse().setResponseCode(403));
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            assertThat(index.files(KERAS)).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(3);
            assertThatThrownBy(() -> index.files(PackageName.of("numpy"))).hasMessageContaining("HTTP 403");
            assertThat(server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnce() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3600"));
        try (HttpFetcher http = fetcher(false)) {
            assertThatThrownBy(() -> new HttpIndex(http, simple()).files(KERAS)).isInstanceOf(IndexException.class).hasMessageContaining("HTTP 503");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
        assertThat(RetryAfter.parse("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isNull();
    }

    @Test
    void prefetchesProjectPagesInParallel() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(100);
                inFlight.decrementAndGet();
                return new MockResponse().setHeader("Content-Type", "text/html").setBody(EMPTY_PROJECT);
            }
        });
        List<PackageName> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add(PackageName.of("pkg" + i));
        }
        try (HttpFetcher http = fetcher(false)) {
            HttpIndex index = new HttpIndex(http, simple());
            index.prefetch(names);
            for (PackageName n : names) {
                assertThat(index.files(n)).isEmpty();
            }
        }
        assertThat(server.getRequestCount()).isEqualTo(30);
        assertThat(peak.get()).as("requests in flight at once").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theJsonApiGivesSummaryLinksYankedReasonsAndVulnerabilities() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                {"info": {"name": "Keras", "version": "3.15.1", "summary": "Multi-backend Keras", "requires_python": ">=3.10",
                          "project_urls": {"Home": "https://keras.io/"}},
                 "releases": {"2.3.0": [{"yanked": true, "yanked_reason": "bad wheel"}], "2.3.1": [{"yanked": false}]},
                 "vulnerabilities": [{"id": "PYSEC-2024-1", "withdrawn": null}, {"id": "GHSA-old", "withdrawn": "2024-01-01T00:00:00Z"}]}
                """));
        server.enqueue(new MockResponse().setResponseCode(404));
        try (HttpFetcher http = fetcher(false)) {
            PypiJsonApi api = new PypiJsonApi(http, server.url("/simple/").uri());
            io.kompat.index.ProjectDetails p = api.project(KERAS).orElseThrow();
            assertThat(server.takeRequest().getPath()).isEqualTo("/pypi/keras/json");
            assertThat(p.latest()).isEqualTo("3.15.1");
            assertThat(p.summary()).isEqualTo("Multi-backend Keras");
            assertThat(p.links()).containsEntry("Home", "https://keras.io/");
            assertThat(p.yanked()).containsExactly(java.util.Map.entry("2.3.0", "bad wheel"));
            assertThat(p.vulnerabilities()).containsExactly("PYSEC-2024-1");
            assertThat(api.project(PackageName.of("nothing"))).isEmpty();
        }
    }
}
