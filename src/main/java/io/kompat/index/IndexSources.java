package io.kompat.index;

import io.kompat.requirement.PackageName;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package sources in effect: pip's configuration (unless switched off) with command-line sources on
 * top: {@code file://} indexes, find-links folders, and remote Simple API indexes when an HTTP fetcher is
 * given (without one, remote indexes are listed as not read, never waited on).
 */
public final class IndexSources implements PackageIndex {
    private final List<PackageIndex> sources;
    private final List<String> notRead;

    private IndexSources(List<PackageIndex> sources, List<String> notRead) {
        this.sources = List.copyOf(sources);
        this.notRead = List.copyOf(notRead);
    }

    /**
     * The sources of {@code config} plus {@code indexUrls} and {@code findLinks} given on the command line
     * (which replace the configured index when present).
     */
    public static IndexSources of(PipConfig config, List<String> indexUrls, List<String> findLinks) {
        return of(config, indexUrls, findLinks, null);
    }

    /** As above; remote indexes are opened with {@code remote} when it is not null. */
    public static IndexSources of(PipConfig config, List<String> indexUrls, List<String> findLinks, PackageIndex.Opener remote) {
        List<String> urls = new ArrayList<>();
        if (!config.noIndex()) {
            if (!indexUrls.isEmpty()) {
                urls.addAll(indexUrls);
            } else {
                urls.add(config.indexUrl() == null ? "https://pypi.org/simple" : config.indexUrl());
                urls.addAll(config.extraIndexUrls());
            }
        }
        List<PackageIndex> sources = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        for (String url : urls) {
            if (url.startsWith("file:")) {
                try {
                    sources.add(LocalIndex.simple(URI.create(url)));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    notRead.add(redact(url) + " (not a local file: URL)");
                }
            } else if (remote != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                try {
                    sources.add(remote.open(url));
                } catch (IllegalArgumentException e) {
                    notRead.add(redact(url) + " (not a valid URL)");
                }
            } else {
                notRead.add(redact(url) + " (remote indexes are not read by this build)");
            }
        }
        List<String> links = new ArrayList<>(config.findLinks());
        links.addAll(findLinks);
        for (String link : links) {
            if (link.startsWith("file:")) {
                try {
                    sources.add(LocalIndex.findLinks(Path.of(URI.create(link))));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    notRead.add(redact(link) + " (not a local file: URL)");
                }
            } else if (link.contains("://")) {
                notRead.add(redact(link) + " (remote find-links are not read by this build)");
            } else {
                sources.add(LocalIndex.findLinks(Path.of(link)));
            }
        }
        return new IndexSources(sources, notRead);
    }

    /** {@code https://user:secret@host/...} without the credentials. */
    public static String redact(String url) {
        return io.kompat.requirement.Credentials.redact(url);
    }

    public List<String> notRead() {
        return notRead;
    }

    /** Starts fetching the project pages of {@code names} from every remote index, in parallel. */
    public void prefetch(java.util.Collection<PackageName> names) {
        sources.forEach(s -> s.prefetch(names));
    }

    /**
     * Starts fetching, from every remote index, the pages of {@code names} and then the metadata of the
     * file {@code pick} chooses from each page, handing each metadata to {@code then} (which may prefetch
     * further). Failures are left for the synchronous calls to report.
     */
    public void prefetch(java.util.Collection<PackageName> names, java.util.function.Function<List<DistributionFile>, Optional<DistributionFile>> pick,
            java.util.function.Consumer<CoreMetadata> then) {
        for (PackageIndex s : sources) {
            if (s.remote()) {
                for (PackageName n : names) {
                    s.filesAhead(n).thenAccept(files -> pick.apply(files).ifPresent(f -> s.metadataAhead(f).thenAccept(md -> md.ifPresent(then))));
                }
            }
        }
    }

    /** Starts fetching the metadata of {@code files} from the remote indexes they came from, in parallel. */
    public void prefetchMetadata(List<DistributionFile> files) {
        for (DistributionFile f : files) {
            sourceOf(f).ifPresent(s -> s.metadataAhead(f));
        }
    }

    /** The source {@code file} came from. */
    private Optional<PackageIndex> sourceOf(DistributionFile file) {
        return sources.stream().filter(s -> s.describe().equals(file.source())).findFirst();
    }

    /** Whether any source is a remote index (whose answer is authoritative when it is reached). */
    public boolean hasRemote() {
        return sources.stream().anyMatch(PackageIndex::remote);
    }

    public List<PackageIndex> sources() {
        return sources;
    }

    /**
     * What the sources say about {@code name}, source by source: the files of every source that answered,
     * whether a remote index answered (remote answers are complete; local mirrors may be partial), one
     * line per source that failed, and the sources that could not be reached (offline or down, already
     * reported once by the HTTP client).
     */
    public record Lookup(List<DistributionFile> files, boolean remoteAnswered, List<String> problems, List<String> unreachable) {
    }

    public Lookup lookup(PackageName name) {
        Map<String, DistributionFile> byName = new LinkedHashMap<>();
        boolean remote = false;
        List<String> problems = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (PackageIndex s : sources) {
            try {
                for (DistributionFile f : s.files(name)) {
                    byName.putIfAbsent(f.filename(), f);
                }
                remote |= s.remote();
            } catch (IndexUnreachableException e) {
                unreachable.add(e.getMessage());
            } catch (IndexException e) {
                problems.add(e.getMessage());
            }
        }
        return new Lookup(new ArrayList<>(byName.values()), remote, problems, unreachable);
    }

    @Override
    public List<DistributionFile> files(PackageName name) throws IndexException {
        Map<String, DistributionFile> byName = new LinkedHashMap<>();
        for (PackageIndex s : sources) {
            for (DistributionFile f : s.files(name)) {
                byName.putIfAbsent(f.filename(), f);
            }
        }
        return new ArrayList<>(byName.values());
    }

    @Override
    public Optional<CoreMetadata> metadata(DistributionFile file) throws IndexException {
        Optional<PackageIndex> source = sourceOf(file);
        return source.isPresent() ? source.get().metadata(file) : Optional.empty();
    }

    @Override
    public String describe() {
        return sources.isEmpty() ? "no readable package source" : String.join(", ", sources.stream().map(PackageIndex::describe).toList());
    }
}
