package io.kompat.matrix;

import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import io.kompat.version.range.VersionSet;
import java.util.List;
import java.util.Map;

/**
 * What the matrix knows about one distribution: its summary, the releases it lists (with their
 * sources), whether that list is complete, and whether some of its releases are the same build as
 * another distribution ({@code tensorflow-cpu} is {@code tensorflow}).
 *
 * @param releases known releases, each with the citation that lists it, newest first
 * @param releasesComplete true when every release is listed, so an unlisted version does not exist
 * @param sameAs the distribution whose rules also apply, or null
 * @param sameAsVersions the releases for which {@code sameAs} holds
 * @param renamedTo the distribution that replaces this one, or null
 * @param backends Keras backends per version range (empty for other packages)
 * @param condaRequires what the conda packages of a range of releases need beyond the PyPI release's metadata
 */
public record PackageInfo(PackageName name, String summary, Map<Version, Citation> releases, boolean releasesComplete,
        PackageName sameAs, VersionSet sameAsVersions, PackageName renamedTo, Citation renameCitation,
        List<Backends> backends, Citation citation, List<CondaRequires> condaRequires) {

    /** Keras backends supported by a range of releases. */
    public record Backends(VersionSet versions, List<String> names, Citation citation) {
    }

    /**
     * Packages the conda package of releases {@code versions} runs with that the PyPI release does not declare
     * (conda-forge's keras 2.2.4 requires tensorflow; the wheel does not), in the conda channels named
     * ({@code conda-forge}, {@code defaults}).
     */
    public record CondaRequires(VersionSet versions, List<String> channels, Map<PackageName, io.kompat.version.SpecifierSet> requires,
            Citation citation) {
        public CondaRequires {
            channels = List.copyOf(channels);
            requires = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requires));
        }
    }

    public PackageInfo {
        releases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(releases));
        backends = List.copyOf(backends);
        condaRequires = List.copyOf(condaRequires);
    }

    /** Releases newest first. */
    public List<Version> releaseList() {
        return releases.keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
