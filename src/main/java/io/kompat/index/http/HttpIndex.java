package io.kompat.index.http;

import io.kompat.index.CoreMetadata;
import io.kompat.index.DistributionFile;
import io.kompat.index.IndexException;
import io.kompat.index.PackageIndex;
import io.kompat.index.ProjectDetails;
import io.kompat.index.SimplePage;
import io.kompat.requirement.PackageName;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A remote Simple Repository API index (PEP 503 HTML or PEP 691 JSON, negotiated). Project pages can be
 * prefetched in parallel; metadata comes from the PEP 658 {@code .metadata} file, else from the wheel by
 * range requests, else from downloading the wheel.
 */
public final class HttpIndex implements PackageIndex {
    /** The start of an anchor element, however written; a linear scan. */
    private static final java.util.regex.Pattern ANCHOR = java.util.regex.Pattern.compile("<a[\\s>]", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** What marks a Simple API page that lists no files: PEP 629's version meta tag, or the usual "Links for" heading. */
    private static final java.util.regex.Pattern SIMPLE_MARK = java.util.regex.Pattern.compile("pypi:repository-version|Links for ",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private final HttpFetcher http;
    private final URI base;
    private final String label;
    private final Map<PackageName, CompletableFuture<List<DistributionFile>>> pages = new ConcurrentHashMap<>();
    private final Map<URI, CompletableFuture<Optional<CoreMetadata>>> metadata = new ConcurrentHashMap<>();

    /** The index at {@code url} (credentials in it are kept for its host only and never shown). */
    public HttpIndex(HttpFetcher http, URI url) {
        this.http = http;
        URI clean = http.register(url);
        String s = clean.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.label = "index " + HttpFetcher.display(clean);
    }

    /** What this index's PyPI JSON API says about {@code name}; empty where the server has none. */
    @Override
    public Optional<ProjectDetails> details(PackageName name) throws IndexException {
        return new PypiJsonApi(http, base).project(name);
    }

    @Override
    public String describe() {
        return label;
    }

    /** Opens remote indexes through {@code http}; URLs are read as pip reads them (OkHttp's parser: an unencoded '@' in a password included). */
    public static PackageIndex.Opener opener(HttpFetcher http) {
        return url -> new HttpIndex(http, HttpUrls.parse(url));
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public CompletableFuture<List<DistributionFile>> filesAhead(PackageName name) {
        return pageAsync(name);
    }

    @Override
    public CompletableFuture<Optional<CoreMetadata>> metadataAhead(DistributionFile file) {
        return metadataAsync(file);
    }

    /** The page of {@code name}, fetched in the background (once). */
    public CompletableFuture<List<DistributionFile>> pageAsync(PackageName name) {
        return pages.computeIfAbsent(name, n -> http.async(() -> load(n)));
    }

    /** The metadata of {@code file}, fetched in the background (once). */
    public CompletableFuture<Optional<CoreMetadata>> metadataAsync(DistributionFile file) {
        return metadata.computeIfAbsent(file.location(), u -> http.async(() -> loadMetadata(file)));
    }

    private List<DistributionFile> load(PackageName name) throws IndexException {
        URI url = base.resolve(name.value() + "/");
        HttpFetcher.Fetched f = http.get(url, SimplePage.ACCEPT);
        if (f.status() == 404 || f.status() == 410) {
            return List.of();
        }
        if (!f.ok()) {
            throw new IndexException(HttpFetcher.display(url) + ": HTTP " + f.status());
        }
        try {
            List<DistributionFile> files = SimplePage.parse(name, f.url(), f.contentType(), f.text(), label);
            if (files.isEmpty() && isHtml(f.contentType()) && !hasAnchor(f.text()) && !SIMPLE_MARK.matcher(f.text()).find()) {
                // A proxy's sign-in or error page answers 200 too; taken as "no releases" it would make a fix remove the requirement.
                throw new IndexException(HttpFetcher.display(f.url()) + ": the page has no links and is not a Simple API page"
                        + " (a sign-in or error page?); not taken as a project without releases");
            }
            return files;
        } catch (IndexException e) {
            http.evict(url);
            http.evict(f.url());
            throw e;
        }
    }

    @Override
    public List<DistributionFile> files(PackageName name) throws IndexException {
        return join(pageAsync(name));
    }

    @Override
    public Optional<CoreMetadata> metadata(DistributionFile file) throws IndexException {
        return join(metadataAsync(file));
    }

    private Optional<CoreMetadata> loadMetadata(DistributionFile file) throws IndexException {
        URI location = withoutFragment(file.location());
        if (file.coreMetadata() != null) {
            URI url = URI.create(location + ".metadata");
            HttpFetcher.Fetched f = http.get(url, null);
            if (f.ok()) {
                String expected = file.coreMetadata().get("sha256");
                if (expected != null && !expected.equalsIgnoreCase(sha256(f.body()))) {
                    http.evict(url);
                    throw new IndexException(HttpFetcher.display(url) + ": sha256 does not match the index (" + expected + "); refused");
                }
                try {
                    return Optional.of(CoreMetadata.parse(f.text()));
                } catch (IndexException e) {
                    http.evict(url);
                    throw e;
                }
            }
        }
        if (file.wheel() == null) {
            return Optional.empty();
        }
        String text = RemoteWheel.metadata(http, location);
        if (text != null) {
            return Optional.of(CoreMetadata.parse(text));
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("kompat-", ".whl");
            http.download(location, tmp, http.maxWheelBytes());
            String expected = file.hashes().get("sha256");
            if (expected != null && !expected.equalsIgnoreCase(sha256(tmp))) {
                throw new IndexException(HttpFetcher.display(location) + ": the downloaded wheel's sha256 does not match the index ("
                        + expected + "); its metadata is not used");
            }
            return Optional.of(CoreMetadata.fromWheel(tmp));
        } catch (IOException e) {
            throw new IndexException(HttpFetcher.display(location) + ": cannot read the wheel's METADATA (" + e.getMessage() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }

    private static boolean hasAnchor(String html) {
        return ANCHOR.matcher(html).find();
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static URI withoutFragment(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? u : URI.create(s.substring(0, hash));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) throws IndexException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IndexException ie) {
                throw ie;
            }
            throw new IndexException("index request failed: " + c);
        }
    }

}
