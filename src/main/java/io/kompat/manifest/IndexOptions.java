package io.kompat.manifest;

import java.util.List;
import java.util.Set;

/**
 * pip's global options found in requirements files: where to look for packages and how to choose them.
 * Later files and lines extend the lists; {@code indexUrl} is the last {@code -i} seen.
 */
public record IndexOptions(String indexUrl, List<String> extraIndexUrls, List<String> findLinks, boolean noIndex,
        boolean pre, boolean preferBinary, Set<String> onlyBinary, Set<String> noBinary, List<String> trustedHosts,
        boolean requireHashes, List<String> features) {

    public static final IndexOptions NONE = new IndexOptions(null, List.of(), List.of(), false, false, false, Set.of(),
            Set.of(), List.of(), false, List.of());

    public IndexOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        onlyBinary = Set.copyOf(onlyBinary);
        noBinary = Set.copyOf(noBinary);
        trustedHosts = List.copyOf(trustedHosts);
        features = List.copyOf(features);
    }
}
