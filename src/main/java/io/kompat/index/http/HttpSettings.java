package io.kompat.index.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How kompat talks to remote indexes.
 *
 * @param cacheDir the HTTP cache folder, or null for no disk cache
 * @param offline answer from the cache only, never touch the network
 * @param connectTimeout how long to wait for a connection; an unreachable host costs at most this, once
 * @param readTimeout the longest silence while reading a response
 * @param callTimeout the longest a single request (with redirects, not retries) may take in all
 * @param maxBodyBytes the largest (decoded) response body accepted for pages and metadata
 * @param maxWheelBytes the largest wheel downloaded whole when metadata can be had no other way
 * @param maxAttempts attempts per request, counting the first; only 429 and 5xx answers are retried
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the request at once
 * @param parallelism requests in flight at once across all hosts
 * @param refresh ask the server again for everything, even what the cache holds and thinks fresh
 * @param deadline the longest all of a run's index work may take ({@code --timeout}); past it, no request is
 *     made and the run answers from the cache and local data, as for an unreachable index
 */
public record HttpSettings(Path cacheDir, boolean offline, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        long maxBodyBytes, long maxWheelBytes, int maxAttempts, Duration maxRetryAfter, int parallelism, boolean refresh, Duration deadline) {

    /** The default of {@code --timeout}: long enough for a large install over a slow link, short enough for CI. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    /** The cache folder's name carries its format version, so a future layout never reads an old one. */
    static final String FOLDER = "http-v1";

    /** The user agent sent with every request. */
    public static final String USER_AGENT = "kompat/0.1 (Keras/TensorFlow compatibility checker; Java " + Runtime.version().feature() + ")";

    public static HttpSettings defaults(Path cacheDir, boolean offline) {
        // Connect: 2 s tolerates one dropped SYN (retransmitted after 1 s) on a busy server; DNS failures and
        // refused connections fail at once whatever this is.
        return new HttpSettings(cacheDir, offline, Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(60),
                64L * 1024 * 1024, 1024L * 1024 * 1024, 3, Duration.ofSeconds(10), 16, false, DEFAULT_DEADLINE);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(cacheDir, offline, connect, read, call, maxBodyBytes, maxWheelBytes, maxAttempts, maxRetryAfter, parallelism, refresh,
                deadline);
    }

    public HttpSettings withLimits(long body, long wheel) {
        return new HttpSettings(cacheDir, offline, connectTimeout, readTimeout, callTimeout, body, wheel, maxAttempts, maxRetryAfter, parallelism, refresh,
                deadline);
    }

    public HttpSettings withRefresh(boolean on) {
        return new HttpSettings(cacheDir, offline, connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxWheelBytes, maxAttempts, maxRetryAfter,
                parallelism, on, deadline);
    }

    /** With {@code total} as the longest all index work of the run may take. */
    public HttpSettings withDeadline(Duration total) {
        return new HttpSettings(cacheDir, offline, connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxWheelBytes, maxAttempts, maxRetryAfter,
                parallelism, refresh, total);
    }

    /**
     * The user cache folder for kompat's HTTP cache: {@code $XDG_CACHE_HOME/kompat/http-v1} (default
     * {@code ~/.cache}) on Linux, {@code ~/Library/Caches/kompat/http-v1} on macOS,
     * {@code %LOCALAPPDATA%\kompat\cache\http-v1} on Windows.
     */
    public static Path defaultCacheDir(java.util.function.Function<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                    .resolve("kompat").resolve("cache").resolve(FOLDER);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("kompat").resolve(FOLDER);
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("kompat").resolve(FOLDER);
    }
}
