package io.kompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index show} answers from a fresh cache, {@code index refresh} goes past it, {@code index clear} empties it. */
class IndexCacheCommandTest {
    @TempDir
    Path dir;

    @Test
    void showRefreshClear() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "text/html").setHeader("Cache-Control", "max-age=600")
                            .setBody("<a href=\"/f/six-1.16.0-py2.py3-none-any.whl\">six-1.16.0-py2.py3-none-any.whl</a>");
                }
            });
            server.start();
            String cache = dir.resolve("cache").toString();
            String[] common = {"--no-pip-config", "--index-url", server.url("/simple/").toString(), "--cache-dir", cache};
            assertThat(CliTest.run(concat(new String[] {"index", "show", "six"}, common)).out()).contains("1.16.0");
            assertThat(CliTest.run(concat(new String[] {"index", "show", "six"}, common)).out()).contains("1.16.0");
            assertThat(server.getRequestCount()).as("the second show is answered by the cache").isEqualTo(1);
            CliTest.Run refresh = CliTest.run(concat(new String[] {"index", "refresh", "six"}, common));
            assertThat(refresh.code()).as(refresh.err()).isZero();
            assertThat(refresh.out()).contains("six: 1 files");
            assertThat(server.getRequestCount()).isEqualTo(2);
            CliTest.Run clear = CliTest.run("index", "clear", "--cache-dir", cache);
            assertThat(clear.code()).isZero();
            assertThat(clear.out()).startsWith("cleared " + cache);
            CliTest.Run offline = CliTest.run(concat(new String[] {"index", "show", "six", "--offline"}, common));
            assertThat(offline.code()).isEqualTo(ExitCode.INDEX_UNREACHABLE);
            assertThat(offline.err()).contains("not in the cache (offline)");
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
