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
 * top. This build reads local sources ({@code file://} indexes, find-links folders); remote indexes are
 * listed as not read, never waited on.
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
                sources.add(LocalIndex.simple(URI.create(url)));
            } else {
                notRead.add(redact(url) + " (remote indexes are not read by this build)");
            }
        }
        List<String> links = new ArrayList<>(config.findLinks());
        links.addAll(findLinks);
        for (String link : links) {
            if (link.startsWith("file:")) {
                sources.add(LocalIndex.findLinks(Path.of(URI.create(link))));
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
        return url.replaceFirst("(://)[^/@]*@", "$1****@");
    }

    public List<String> notRead() {
        return notRead;
    }

    public List<PackageIndex> sources() {
        return sources;
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
        for (PackageIndex s : sources) {
            if (s.describe().equals(file.source())) {
                return s.metadata(file);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return sources.isEmpty() ? "no readable package source" : String.join(", ", sources.stream().map(PackageIndex::describe).toList());
    }
}
