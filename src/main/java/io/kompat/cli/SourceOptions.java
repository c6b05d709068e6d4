package io.kompat.cli;

import io.kompat.index.IndexSources;
import io.kompat.index.PipConfig;
import io.kompat.index.http.HttpFetcher;
import io.kompat.index.http.HttpSettings;
import io.kompat.index.http.Netrc;
import io.kompat.manifest.IndexOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where package facts come from besides the matrix: pip's configuration (unless {@code --no-pip-config}),
 * the input file's own {@code -i/--extra-index-url/-f/--no-index} lines over it, and these options over
 * both. Remote indexes are read through one HTTP client, closed with {@link #close()}.
 */
final class SourceOptions {
    @Option(names = {"-i", "--index-url"}, paramLabel = "URL", description = "Simple API index to use instead of the configured one.")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "Also read this index (repeatable).")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL", description = "Also read this folder of wheels / sdists (repeatable).")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Read no index (find-links folders and the matrix only).")
    boolean noIndex;

    @Option(names = "--no-pip-config", description = "Ignore pip's configuration files and PIP_* variables.")
    boolean noPipConfig;

    @Option(names = "--offline", description = "Never touch the network: the HTTP cache, local sources and the matrix only.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "HTTP cache folder (default: the user cache dir, e.g. ~/.cache/kompat/http-v1).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Do not read or write the HTTP cache.")
    boolean noCache;

    @Option(names = "--trusted-host", paramLabel = "HOST", description = "Reach HOST over plain http:// without a warning (repeatable)."
            + " TLS certificates are always verified.")
    List<String> trustedHosts = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest the index work of an input may take, counted from when its sources are opened (default 60 s; each"
                    + " file of an audit has its own); past it no request is made and kompat answers from the cache and the bundled data,"
                    + " as for an unreachable index.")
    int timeoutSeconds = 60;

    @Option(names = "--refresh", description = "Ask the index again for everything, even what the cache holds and thinks fresh.")
    boolean refresh;

    private HttpFetcher http;
    private PipConfig pipConfig;
    private final Map<PipConfig, IndexSources> opened = new HashMap<>();

    /** The sources for an input with index options {@code fromInput} (NONE when there is no input). */
    IndexSources open(IndexOptions fromInput, PrintWriter err) {
        Path home = home();
        if (pipConfig == null) {
            pipConfig = noPipConfig ? PipConfig.NONE : PipConfig.load(System::getenv, home);
        }
        PipConfig config = pipConfig;
        String index = config.indexUrl();
        List<String> extra = new ArrayList<>(config.extraIndexUrls());
        List<String> links = new ArrayList<>(config.findLinks());
        boolean none = config.noIndex();
        if (fromInput.indexUrl() != null) {
            index = fromInput.indexUrl();
        }
        extra.addAll(fromInput.extraIndexUrls());
        links.addAll(fromInput.findLinks());
        none |= fromInput.noIndex();
        if (indexUrl != null) {
            index = indexUrl;
            none = false;
        }
        extra.addAll(extraIndexUrls);
        links.addAll(findLinks);
        none |= noIndex;
        PipConfig merged = new PipConfig(index, extra, links, none, config.files());
        boolean remote = !none && (index == null || isRemote(index) || extra.stream().anyMatch(SourceOptions::isRemote));
        if (remote && http == null) {
            Path cache = noCache ? null : cacheDirectory();
            http = new HttpFetcher(HttpSettings.defaults(cache, offline).withRefresh(refresh).withDeadline(java.time.Duration.ofSeconds(timeoutSeconds)),
                    netrc(home, err), line -> {
                err.println(line);
                err.flush();
            });
        }
        if (http != null) {
            http.startDeadline();
            // The netrc default login goes to the indexes the user configured, never to one an input names.
            http.allowDefaultLogin(indexUrl != null ? indexUrl : config.indexUrl() != null ? config.indexUrl() : "https://pypi.org/simple");
            config.extraIndexUrls().forEach(http::allowDefaultLogin);
            extraIndexUrls.forEach(http::allowDefaultLogin);
            trustedHosts.forEach(http::trustHost);
            fromInput.trustedHosts().forEach(http::trustHost);
        }
        // Inputs with the same sources (every file of an audit, usually) share them, and so the pages read.
        return opened.computeIfAbsent(merged, m -> IndexSources.of(m, List.of(), List.of(), io.kompat.index.http.HttpIndex.opener(http)));
    }

    /**
     * Checks the URLs given on the command line: a typo there must stop the run, not leave the index unread
     * while the result looks complete.
     *
     * @throws IllegalArgumentException naming the option and the URL (without its credentials)
     */
    void validate() {
        if (indexUrl != null) {
            validateIndexUrl("--index-url", indexUrl);
        }
        extraIndexUrls.forEach(u -> validateIndexUrl("--extra-index-url", u));
        findLinks.stream().filter(l -> l.contains("://")).forEach(l -> validateIndexUrl("--find-links", l));
        if (timeoutSeconds <= 0 || timeoutSeconds > 86_400) {
            throw new IllegalArgumentException("--timeout takes a number of seconds from 1 to 86400, not " + timeoutSeconds);
        }
    }

    private static void validateIndexUrl(String option, String url) {
        String problem = urlProblem(url);
        if (problem != null) {
            throw new IllegalArgumentException("invalid " + option + " '" + IndexSources.redact(url) + "': " + problem);
        }
    }

    /** Why {@code url} cannot name an index, or null when it can. */
    static String urlProblem(String url) {
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        if (scheme.equals("file")) {
            try {
                Path.of(java.net.URI.create(url));
                return null;
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return "not a local file: URL (file:///path/to/index)";
            }
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "the scheme must be http, https or file";
        }
        try {
            io.kompat.index.http.HttpUrls.parse(url);
            return null;
        } catch (IllegalArgumentException e) {
            return "not a valid URL (" + IndexSources.redact(String.valueOf(e.getMessage())) + ")";
        }
    }

    /** The HTTP cache folder: {@code --cache-dir}, else the user cache dir. */
    Path cacheDirectory() {
        return cacheDir != null ? cacheDir : HttpSettings.defaultCacheDir(System::getenv, System.getProperty("os.name"), home());
    }

    /**
     * The user's home folder as pip sees it: {@code $HOME} when set (CI containers often set it apart from the
     * passwd entry), else Java's {@code user.home}.
     */
    static Path home() {
        String env = System.getenv("HOME");
        return env != null && !env.isBlank() && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                ? Path.of(env) : Path.of(System.getProperty("user.home"));
    }

    private static boolean isRemote(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    private static Netrc netrc(Path home, PrintWriter err) {
        String explicit = System.getenv("NETRC");
        Path file = explicit != null && !explicit.isBlank() ? Path.of(explicit) : home.resolve(".netrc");
        if (!Files.isRegularFile(file)) {
            return Netrc.EMPTY;
        }
        try {
            return Netrc.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("kompat: warning: cannot read " + file + " (" + e.getMessage() + "); no credentials from it");
            return Netrc.EMPTY;
        }
    }

    void close() {
        opened.clear();
        if (http != null) {
            http.close();
            http = null;
        }
    }
}
