package io.kompat.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A PEP 691 JSON Simple index on 127.0.0.1 with PEP 658 metadata files, built by the test: each
 * {@link #release} adds a wheel (by filename) and the METADATA served beside it. Optional latency per
 * request; the peak number of requests in flight at once is recorded.
 */
public final class FakeIndex implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, List<String>> files = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, String> sha256 = new LinkedHashMap<>();
    private final Map<String, String> yanked = new LinkedHashMap<>();
    private final Map<String, String> requiresPython = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile long latencyMillis;

    public FakeIndex() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    if (latencyMillis > 0) {
                        Thread.sleep(latencyMillis);
                    }
                    return respond(request.getPath());
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    private MockResponse respond(String path) {
        if (path.startsWith("/simple/")) {
            String name = path.substring("/simple/".length()).replace("/", "");
            List<String> names = files.get(name);
            if (names == null) {
                return new MockResponse().setResponseCode(404);
            }
            StringBuilder json = new StringBuilder("{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"" + name + "\", \"files\": [");
            for (int i = 0; i < names.size(); i++) {
                String f = names.get(i);
                json.append(i == 0 ? "" : ",").append("{\"filename\": \"").append(f).append("\", \"url\": \"/files/").append(f)
                        .append("\", \"hashes\": {").append(sha256.containsKey(f) ? "\"sha256\": \"" + sha256.get(f) + "\"" : "")
                        .append("}, \"core-metadata\": true").append(yanked.containsKey(f) ? ", \"yanked\": \"" + yanked.get(f) + "\"" : "")
                        .append(requiresPython.containsKey(f) ? ", \"requires-python\": \"" + requiresPython.get(f) + "\"" : "")
                        .append("}");
            }
            return new MockResponse().setHeader("Content-Type", "application/vnd.pypi.simple.v1+json").setBody(json + "]}");
        }
        if (path.startsWith("/files/") && path.endsWith(".metadata")) {
            String md = metadata.get(path.substring("/files/".length(), path.length() - ".metadata".length()));
            return md == null ? new MockResponse().setResponseCode(404) : new MockResponse().setBody(md);
        }
        return new MockResponse().setResponseCode(404);
    }

    /** Adds wheel {@code filename} of project {@code name} with these Requires-Dist lines (and Requires-Python, or null). */
    public FakeIndex release(String name, String filename, String requiresPython, String... requiresDist) {
        files.computeIfAbsent(name, k -> new ArrayList<>()).add(filename);
        StringBuilder md = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + filename.split("-")[1] + "\n");
        if (requiresPython != null) {
            md.append("Requires-Python: ").append(requiresPython).append('\n');
            this.requiresPython.put(filename, requiresPython);
        }
        for (String r : requiresDist) {
            md.append("Requires-Dist: ").append(r).append('\n');
        }
        metadata.put(filename, md.toString());
        return this;
    }

    /** Publishes {@code digest} as the sha256 of {@code filename}. */
    public FakeIndex sha256(String filename, String digest) {
        sha256.put(filename, digest);
        return this;
    }

    /** Marks {@code filename} yanked with {@code reason} (PEP 592). */
    public FakeIndex yank(String filename, String reason) {
        yanked.put(filename, reason);
        return this;
    }

    public void latency(long millis) {
        latencyMillis = millis;
    }

    public String url() {
        return server.url("/simple/").toString();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    public int peakInFlight() {
        return peak.get();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
