package io.kompat.provider;

import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.matrix.PackageInfo;
import io.kompat.matrix.ReleaseFact;
import io.kompat.matrix.ReleaseFacts;
import io.kompat.predict.Project;
import io.kompat.predict.ReleaseCatalog;
import io.kompat.requirement.PackageName;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The release metadata of a variant distribution ({@code tensorflow-gpu}, {@code tensorflow-cpu}): the releases
 * the matrix lists for it, each within its {@code same-as} versions carrying what pip sees for the release of
 * the same version of the distribution it is the same build as (Requires-Dist, Requires-Python, extras, wheels),
 * since one setup.py builds both with only the project name switched. What that release's metadata leaves
 * unknown or unverified stays so for the variant, and its wheels are always unverified: they are the other
 * distribution's, the variant's own files were not read (a GPU build need not exist for every platform). A listed release
 * outside the {@code same-as} versions, or one the other distribution's metadata lacks, has unknown metadata.
 * Release dates and yanked marks are not carried: they belong to each distribution's own upload. The variant's
 * list is not complete, but within the {@code same-as} versions it may lack only what the other's list has or
 * may have ({@link #unlisted}).
 */
final class VariantReleases {
    private VariantReleases() {
    }

    /** The variant's release metadata, when {@code name} is a listed variant of a package with release metadata. */
    static Optional<ReleaseFacts> of(CompatibilityMatrix matrix, PackageName name) {
        Optional<PackageInfo> info = matrix.packageInfo(name);
        if (info.isEmpty() || info.get().sameAs() == null || info.get().releases().isEmpty()) {
            return Optional.empty();
        }
        PackageInfo variant = info.get();
        Optional<ReleaseFacts> base = matrix.releaseFacts(variant.sameAs());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Set<String> listSources = new LinkedHashSet<>();
        List<ReleaseFact> releases = new ArrayList<>();
        for (Map.Entry<Version, Citation> e : variant.releases().entrySet()) {
            Version v = e.getKey();
            Citation listing = e.getValue();
            listSources.addAll(listing.sources());
            Optional<ReleaseFact> same = variant.sameAsVersions().contains(v) ? base.get().release(v) : Optional.empty();
            releases.add(same.map(r -> carried(variant, listing, r)).orElseGet(() -> unknown(v, listing)));
        }
        return Optional.of(new ReleaseFacts(name, variant.summary(), Optional.empty(), List.copyOf(listSources), releases,
                variant.citation()));
    }

    /**
     * Which releases the variant's list may lack: within its {@code same-as} versions, only versions the other
     * distribution has or may have (each such release of the variant is a release of the other), judged by the
     * other's list as {@code catalog} shows it; elsewhere {@code own} decides.
     */
    static Project.Unlisted unlisted(CompatibilityMatrix matrix, PackageName name, ReleaseCatalog catalog, Project.Unlisted own) {
        Optional<PackageInfo> info = matrix.packageInfo(name);
        if (info.isEmpty() || info.get().sameAs() == null || !(catalog.project(info.get().sameAs()) instanceof Project.Listed base)) {
            return own;
        }
        return new Project.SameBuild(info.get().sameAsVersions(), base.unlisted(), base.known(), own);
    }

    /** Release {@code r} of the other distribution under the variant's name, cited by both. */
    private static ReleaseFact carried(PackageInfo variant, Citation listing, ReleaseFact r) {
        Map<String, List<String>> sources = new LinkedHashMap<>(r.sources());
        sources.put("versions", listing.sources());
        sources.put("same-as", variant.citation().sources());
        Set<String> all = new LinkedHashSet<>(listing.sources());
        all.addAll(variant.citation().sources());
        all.addAll(r.citation().sources());
        Set<String> unverified = new LinkedHashSet<>(r.unverified());
        unverified.remove("on-pypi");
        unverified.add("wheels");
        String note = variant.name() + " " + r.version() + " is built by the setup.py of " + variant.sameAs() + " " + r.version()
                + " and carries its release metadata; the wheels are " + variant.sameAs() + "'s, the variant's own files were not read"
                + (r.citation().note() == null ? "" : "; " + variant.sameAs() + " " + r.version() + ": " + r.citation().note());
        Citation c = new Citation(null, List.copyOf(all), r.citation().file(), r.citation().line(), note, false);
        return new ReleaseFact(r.version(), Optional.empty(), Optional.empty(), r.requiresPython(), r.requiresDist(), r.extras(),
                r.wheels(), r.sdistOnly(), unverified, c, sources, Optional.empty());
    }

    private static ReleaseFact unknown(Version v, Citation listing) {
        return new ReleaseFact(v, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Set.of(), listing, Map.of("versions", listing.sources()), Optional.empty());
    }
}
