package io.kompat.index.http;

import io.kompat.index.IndexException;
import io.kompat.index.IndexUnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import okhttp3.Cache;
import okhttp3.CacheControl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one HTTP client of a kompat run: OkHttp with its disk cache (revalidated with ETag / Last-Modified),
 * bounded timeouts, bodies and retries, credentials sent only to their own host, no redirect from https
 * to http, and a fast fallback to the cache when a host cannot be reached (one warning per host).
 */
public final class HttpFetcher implements AutoCloseable {
    /** A response that arrived: its final URL (after redirects), status, content type, range and body. */
    public record Fetched(URI url, int status, String contentType, String contentRange, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as text in the declared charset (UTF-8 by default), refusing invalid bytes. */
        public String text() throws IndexException {
            Charset cs = StandardCharsets.UTF_8;
            MediaType mt = contentType == null ? null : MediaType.parse(contentType);
            if (mt != null && mt.charset() != null) {
                cs = mt.charset();
            }
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new IndexException(io.kompat.requirement.Credentials.redact(url.toString()) + ": the response is not valid " + cs.name());
            }
        }
    }

    /**
     * OkHttp reports some events (a corrupt disk cache it clears, a leaked response) through
     * java.util.logging, with stack traces, on stderr. kompat reports problems itself; held strongly so
     * the setting is not collected with the logger.
     */
    private static final java.util.logging.Logger OKHTTP_LOG = java.util.logging.Logger.getLogger("okhttp3");

    static {
        OKHTTP_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private static final int MAX_REDIRECTS = 10;
    private static final CacheControl NO_STORE = new CacheControl.Builder().noStore().build();

    private final HttpSettings settings;
    /** Built on the first request: its TLS set-up (the JDK trust store) costs a run that asks nothing of the network. */
    private final java.util.function.Supplier<OkHttpClient> build;
    private volatile OkHttpClient client;
    private final Cache cache;
    private final Consumer<String> warn;
    private final CredentialInterceptor credentials;
    private final Set<String> downHosts = ConcurrentHashMap.newKeySet();
    /** Hosts that timed out in this run: not asked again. */
    private final Set<String> slowHosts = ConcurrentHashMap.newKeySet();
    private final CacheLock lock;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile ExecutorService pool;
    /** When the index work of the current input must be over ({@link HttpSettings#deadline}); see {@link #startDeadline}. */
    private volatile long deadlineNanos;
    private final java.util.concurrent.atomic.AtomicBoolean deadlineWarned = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param warn receives one-line warnings (an unreachable host, a cache in use by another process)
     */
    public HttpFetcher(HttpSettings settings, Netrc netrc, Consumer<String> warn) {
        this(settings, netrc, warn, b -> b);
    }

    /** As above, with a last say on the client (tests trust their own TLS certificate through it). */
    HttpFetcher(HttpSettings settings, Netrc netrc, Consumer<String> warn, UnaryOperator<OkHttpClient.Builder> customize) {
        this.settings = settings;
        this.warn = warn;
        this.credentials = new CredentialInterceptor(netrc, warn);
        this.deadlineNanos = System.nanoTime() + settings.deadline().toNanos();
        CacheLock l = null;
        Cache cache = null;
        if (settings.cacheDir() != null) {
            try {
                HttpCache.prepare(settings.cacheDir());
                // Online, a busy cache costs only speed, so waiting is short. Offline the cache is the only
                // source: running without it would answer from less data (a lock without pins), so wait as long
                // as one request may take.
                l = CacheLock.acquire(settings.cacheDir(), settings.offline() ? settings.callTimeout().toMillis() : 3000);
                if (l == null) {
                    warn.accept("kompat: warning: the cache " + settings.cacheDir() + " is in use by another kompat; running without it");
                } else {
                    cache = new Cache(settings.cacheDir().toFile(), 512L * 1024 * 1024);
                }
            } catch (IOException e) {
                warn.accept("kompat: warning: the cache " + settings.cacheDir() + " cannot be used (" + e.getMessage() + "); running without it");
            } catch (IndexException e) {
                warn.accept("kompat: warning: " + e.getMessage() + "; running without the cache");
            }
        }
        this.lock = l;
        this.cache = cache;
        Cache disk = cache;
        this.build = () -> customize.apply(new OkHttpClient.Builder()
                .cache(disk)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(true)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .addNetworkInterceptor(credentials))
                .build();
    }

    private OkHttpClient client() {
        OkHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = build.get();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Lets the netrc {@code default} login go to {@code url}'s host: only for indexes the user configured (the
     * command line, pip's configuration), never for one an input file names.
     */
    public void allowDefaultLogin(String url) {
        credentials.allowDefaultLogin(url);
    }

    /** Marks {@code host} as trusted to be reached over plain http:// (pip's {@code --trusted-host}): no warning for it. */
    public void trustHost(String host) {
        credentials.trustHost(host);
    }

    /**
     * {@code url} without its user information, which is remembered as the login for that host and port
     * only.
     */
    public URI register(URI url) {
        return credentials.register(url);
    }

    /** Drops {@code url} from the disk cache (a response that turned out unusable must not be served again). */
    public void evict(URI url) {
        if (cache == null) {
            return;
        }
        try {
            for (var it = cache.urls(); it.hasNext();) {
                if (it.next().equals(url.toString())) {
                    it.remove();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The entry stays; it will be revalidated when it expires.
        }
    }

    public long maxWheelBytes() {
        return settings.maxWheelBytes();
    }

    public boolean offline() {
        return settings.offline();
    }

    /** Requests sent to the network so far (cache hits included when revalidated). */
    public int requestCount() {
        return requests.get();
    }

    /** GETs {@code url}; a 404 or 410 comes back as a response, other failures as exceptions. */
    public Fetched get(URI url, String accept) throws IndexException {
        return fetch(url, accept, null, settings.maxBodyBytes());
    }

    /** GETs a byte range ({@code bytes=...}); a server that ignores ranges answers 200 with the whole body. */
    public Fetched getRange(URI url, String range, long maxBytes) throws IndexException {
        return fetch(url, null, range, maxBytes);
    }

    /**
     * Streams {@code url} into {@code target} (a file the caller owns), at most {@code maxBytes}; not
     * cached, not retried. For wheels whose metadata can be had no other way.
     */
    public void download(URI url, Path target, long maxBytes) throws IndexException {
        if (settings.offline()) {
            throw new IndexUnreachableException(display(url) + ": not downloaded (offline)");
        }
        long left = remainingMillis();
        if (left <= 0) {
            throw new IndexUnreachableException(display(url) + ": not downloaded: " + overDeadline());
        }
        requests.incrementAndGet();
        try (Response r = callWithin(request(url, null, null, NO_STORE), left).execute()) {
            if (!r.isSuccessful()) {
                throw new IndexException(display(url) + ": HTTP " + r.code());
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                Bodies.copy(r.body(), out, maxBytes, url);
            }
        } catch (Bodies.TooLarge e) {
            throw new IndexException(e.getMessage());
        } catch (IOException e) {
            throw new IndexException(display(url) + ": download failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** Runs {@code task} on the shared pool of at most {@code parallelism} requests in flight. */
    public <T> CompletableFuture<T> async(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        executor().execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private ExecutorService executor() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(settings.parallelism(), r -> {
                        Thread t = new Thread(r, "kompat-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }

    private Fetched fetch(URI url, String accept, String range, long maxBytes) throws IndexException {
        String host = url.getHost() + ":" + url.getPort();
        if (settings.offline() || downHosts.contains(host)) {
            return fromCache(url, accept, range, maxBytes, settings.offline() ? "offline" : "unreachable earlier in this run");
        }
        if (remainingMillis() <= 0) {
            String why = overDeadline();
            if (deadlineWarned.compareAndSet(false, true)) {
                warn.accept("kompat: warning: " + why + "; using cached and local data");
            }
            return fromCache(url, accept, range, maxBytes, why);
        }
        if (slowHosts.contains(host)) {
            // One timeout per host and run: a host that drips bytes or stalls would otherwise cost a full
            // timeout for every package (40 packages on a 1 byte/s index took three minutes).
            Fetched cached = cachedOrNull(url, accept, range, maxBytes);
            if (cached != null) {
                return cached;
            }
            throw new IndexException(display(url) + ": not asked: the host timed out earlier in this run");
        }
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Fetched f;
            try {
                f = withRetries(current, accept, range, maxBytes);
            } catch (Unreachable e) {
                if (downHosts.add(host)) {
                    warn.accept("kompat: warning: " + url.getScheme() + "://" + url.getRawAuthority().replaceFirst("^[^@]*@", "") + " is unreachable ("
                            + e.getMessage() + "); using cached and local data");
                }
                return fromCache(url, accept, range, maxBytes, "unreachable: " + e.getMessage());
            } catch (Failed e) {
                if (e.slow) {
                    slowHosts.add(host);
                }
                Fetched cached = cachedOrNull(url, accept, range, maxBytes);
                if (cached != null) {
                    warn.accept("kompat: warning: " + e.getMessage() + "; using the cached copy");
                    return cached;
                }
                throw new IndexException(e.getMessage());
            }
            if (f.status() < 300 || f.status() >= 400) {
                return f;
            }
            // OkHttp follows redirects within a scheme; only a scheme change reaches here.
            URI next = f.url();
            if ("https".equals(current.getScheme()) && "http".equals(next.getScheme())) {
                throw new IndexException(display(current) + ": refused a redirect from https to " + display(next) + " (downgrade)");
            }
            if (next.equals(current)) {
                throw new IndexException(display(current) + ": HTTP " + f.status() + " without a usable Location");
            }
            current = next;
        }
        throw new IndexException(display(url) + ": too many redirects (a redirect loop?)");
    }

    /** Signals a connection that could not be made (DNS, refused, no route, connect timeout, TLS). */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    /** Signals a request that failed after connecting (reset, timeout, bad status after retries, size). */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        /** The host answered too slowly (a read or call timeout), rather than wrongly. */
        final boolean slow;

        Failed(String message) {
            this(message, false);
        }

        Failed(String message, boolean slow) {
            super(message, null, false, false);
            this.slow = slow;
        }
    }

    private Fetched withRetries(URI url, String accept, String range, long maxBytes) throws Unreachable, Failed {
        for (int attempt = 1;; attempt++) {
            Request request = request(url, accept, range, settings.refresh() && range == null ? CacheControl.FORCE_NETWORK : null);
            requests.incrementAndGet();
            long left = remainingMillis();
            if (left <= 0) {
                throw new Failed(display(url) + ": not asked: " + overDeadline(), true);
            }
            try (Response r = callWithin(request, left).execute()) {
                int code = r.code();
                if ((code == 429 || code >= 500) && attempt < settings.maxAttempts()) {
                    Duration wait = RetryAfter.delay(r.header("Retry-After"), attempt, settings.maxRetryAfter());
                    if (wait != null && wait.toMillis() < remainingMillis()) {
                        sleep(wait);
                        continue;
                    }
                }
                if (code == 429 || code >= 500) {
                    throw new Failed(display(url) + ": HTTP " + code + (attempt > 1 ? " after " + attempt + " attempts" : ""));
                }
                URI finalUrl = r.request().url().uri();
                if (code >= 300 && code < 400) {
                    String location = r.header("Location");
                    URI next = location == null ? finalUrl : finalUrl.resolve(location.strip());
                    return new Fetched(next, code, null, null, new byte[0]);
                }
                if (range != null && code == 200) {
                    // The server ignores ranges; the caller decides whether the whole file is worth it.
                    return new Fetched(finalUrl, code, r.header("Content-Type"), null, new byte[0]);
                }
                byte[] body = code == 404 || code == 410 ? new byte[0] : Bodies.read(r.body(), maxBytes, url);
                return new Fetched(finalUrl, code, r.header("Content-Type"), r.header("Content-Range"), body);
            } catch (UnknownHostException | ConnectException | NoRouteToHostException | SSLException e) {
                throw new Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (SocketTimeoutException e) {
                if (String.valueOf(e.getMessage()).contains("connect")) {
                    throw new Unreachable("connect timed out after " + settings.connectTimeout().toMillis() + " ms");
                }
                throw new Failed(display(url) + ": no data for " + settings.readTimeout().toSeconds() + " s (read timed out)", true);
            } catch (ProtocolException e) {
                String m = String.valueOf(e.getMessage());
                throw new Failed(display(url) + (m.contains("follow-up") ? ": too many redirects (a redirect loop?)" : ": protocol error: " + m));
            } catch (InterruptedIOException e) {
                throw new Failed(display(url) + (remainingMillis() <= 0 ? ": cut off at the --timeout of " + settings.deadline().toSeconds() + " s for this run's index work"
                        : ": gave up after " + settings.callTimeout().toSeconds() + " s") + " (" + e.getMessage() + ")", true);
            } catch (Bodies.TooLarge e) {
                throw new Failed(e.getMessage());
            } catch (IOException e) {
                throw new Failed(display(url) + ": connection failed while reading (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
    }

    /**
     * Starts the deadline again: each input of a run (every file of an audit) has the whole {@code --timeout} for
     * its index work, counted from when its sources are opened.
     */
    public void startDeadline() {
        deadlineNanos = System.nanoTime() + settings.deadline().toNanos();
        deadlineWarned.set(false);
    }

    /** A call of {@code request} that cannot outlive the deadline: its timeout is the {@code left} of it, when that is less. */
    private okhttp3.Call callWithin(Request request, long left) {
        okhttp3.Call call = client().newCall(request);
        if (left < settings.callTimeout().toMillis()) {
            call.timeout().timeout(left, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return call;
    }

    private String overDeadline() {
        return "the index work of this run is over its --timeout of " + settings.deadline().toSeconds() + " s";
    }

    /** What is left of the deadline for index work, in milliseconds (zero or less: over). */
    private long remainingMillis() {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    private static void sleep(Duration d) throws Failed {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    private Request request(URI url, String accept, String range, CacheControl cacheControl) {
        Request.Builder b = new Request.Builder().url(url.toString());
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (range != null) {
            b.header("Range", range).cacheControl(NO_STORE);
        }
        if (cacheControl != null) {
            b.cacheControl(cacheControl);
        }
        return b.build();
    }

    private Fetched fromCache(URI url, String accept, String range, long maxBytes, String why) throws IndexException {
        Fetched f = cachedOrNull(url, accept, range, maxBytes);
        if (f == null) {
            throw new IndexUnreachableException(display(url) + ": not in the cache (" + why + ")");
        }
        return f;
    }

    private Fetched cachedOrNull(URI url, String accept, String range, long maxBytes) {
        if (cache == null || range != null || empty(cache)) {
            return null;
        }
        try (Response r = client().newCall(request(url, accept, null, CacheControl.FORCE_CACHE)).execute()) {
            if (r.code() == 504 && r.cacheResponse() == null) {
                return null;
            }
            return new Fetched(r.request().url().uri(), r.code(), r.header("Content-Type"), null, Bodies.read(r.body(), maxBytes, url));
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the disk cache holds nothing (then no client is needed to look in it). */
    private static boolean empty(Cache cache) {
        try {
            return cache.size() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The URL as it may be shown: without credentials. */
    static String display(URI url) {
        return io.kompat.requirement.Credentials.redact(url.toString());
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        try {
            if (cache != null) {
                cache.flush();
                cache.close();
            }
        } catch (IOException e) {
            // Nothing to lose: the cache is an optimisation.
        }
        OkHttpClient c = client;
        if (c != null) {
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
        }
        if (lock != null) {
            lock.release();
        }
    }
}
